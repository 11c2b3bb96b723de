//! A request type's fields as query pairs, written straight from its `Serialize` impl.
//!
//! Scalars become their text (`true`, `3`, `zh_CN`), `None` and `()` leave the field out, and
//! nested values (lists, objects) are written as compact JSON, the way WeChat reads them.

use std::fmt::{self, Display};

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Why a value could not be written as one query field.
#[derive(Debug)]
pub(super) enum QueryError {
    /// A list or object: written as JSON by the caller instead.
    Compound,
    /// The request type is not an object, or its `Serialize` impl failed.
    Other(String),
}

impl Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Compound => f.write_str("a list or object"),
            QueryError::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for QueryError {}

impl ser::Error for QueryError {
    fn custom<T: Display>(message: T) -> Self {
        QueryError::Other(message.to_string())
    }
}

/// The pairs of a request type's fields, in field order.
pub(super) fn pairs<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>, QueryError> {
    let mut out = Vec::new();
    value.serialize(Fields { out: &mut out })?;
    Ok(out)
}

/// One field's value as query text, `None` to leave the field out.
fn field<T: Serialize + ?Sized>(value: &T) -> Result<Option<String>, QueryError> {
    match value.serialize(Scalar) {
        Err(QueryError::Compound) => serde_json::to_string(value)
            .map(Some)
            .map_err(|e| QueryError::Other(e.to_string())),
        other => other,
    }
}

/// The top level: a struct or map whose fields become pairs; `None` and `()` give none.
struct Fields<'a> {
    out: &'a mut Vec<(String, String)>,
}

impl<'a> Fields<'a> {
    fn push<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), QueryError> {
        if let Some(value) = field(value)? {
            self.out.push((key, value));
        }
        Ok(())
    }
}

fn not_an_object<T>(what: &str) -> Result<T, QueryError> {
    Err(QueryError::Other(format!(
        "query must be an object, not {what}"
    )))
}

macro_rules! not_an_object {
    ($($method:ident($($ty:ty),*) => $what:literal;)*) => {
        $(fn $method(self, $(_: $ty),*) -> Result<Self::Ok, Self::Error> {
            not_an_object($what)
        })*
    };
}

impl<'a> ser::Serializer for Fields<'a> {
    type Ok = ();
    type Error = QueryError;
    type SerializeSeq = Impossible<(), QueryError>;
    type SerializeTuple = Impossible<(), QueryError>;
    type SerializeTupleStruct = Impossible<(), QueryError>;
    type SerializeTupleVariant = Impossible<(), QueryError>;
    type SerializeMap = FieldMap<'a>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), QueryError>;

    not_an_object! {
        serialize_bool(bool) => "a boolean";
        serialize_i8(i8) => "a number";
        serialize_i16(i16) => "a number";
        serialize_i32(i32) => "a number";
        serialize_i64(i64) => "a number";
        serialize_u8(u8) => "a number";
        serialize_u16(u16) => "a number";
        serialize_u32(u32) => "a number";
        serialize_u64(u64) => "a number";
        serialize_f32(f32) => "a number";
        serialize_f64(f64) => "a number";
        serialize_char(char) => "a string";
        serialize_str(&str) => "a string";
        serialize_bytes(&[u8]) => "a list";
        serialize_unit_variant(&'static str, u32, &'static str) => "a string";
    }

    fn serialize_none(self) -> Result<(), QueryError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), QueryError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), QueryError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), QueryError> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), QueryError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), QueryError> {
        not_an_object("an enum variant")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, QueryError> {
        not_an_object("a list")
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, QueryError> {
        not_an_object("a list")
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, QueryError> {
        not_an_object("a list")
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, QueryError> {
        not_an_object("an enum variant")
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, QueryError> {
        self.out.reserve(len.unwrap_or(0));
        Ok(FieldMap {
            fields: self,
            key: None,
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self, QueryError> {
        self.out.reserve(len);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, QueryError> {
        not_an_object("an enum variant")
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = QueryError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), QueryError> {
        self.push(key.to_owned(), value)
    }

    fn end(self) -> Result<(), QueryError> {
        Ok(())
    }
}

/// A map at the top level (a struct with a flattened part): its keys must be text.
struct FieldMap<'a> {
    fields: Fields<'a>,
    key: Option<String>,
}

impl ser::SerializeMap for FieldMap<'_> {
    type Ok = ();
    type Error = QueryError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), QueryError> {
        match key.serialize(Scalar) {
            Ok(Some(key)) => {
                self.key = Some(key);
                Ok(())
            }
            _ => Err(QueryError::Other("query keys must be text".into())),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), QueryError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| QueryError::Other("query value without a key".into()))?;
        self.fields.push(key, value)
    }

    fn end(self) -> Result<(), QueryError> {
        Ok(())
    }
}

/// A field's value: its text if it is a scalar, `None` if it is absent,
/// [`QueryError::Compound`] if it is a list or object.
struct Scalar;

macro_rules! scalar_to_string {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method(self, value: $ty) -> Result<Option<String>, QueryError> {
            Ok(Some(value.to_string()))
        })*
    };
}

macro_rules! compound {
    ($($method:ident($($ty:ty),*) -> $assoc:ident;)*) => {
        $(fn $method(self, $(_: $ty),*) -> Result<Self::$assoc, QueryError> {
            Err(QueryError::Compound)
        })*
    };
}

impl ser::Serializer for Scalar {
    type Ok = Option<String>;
    type Error = QueryError;
    type SerializeSeq = Impossible<Option<String>, QueryError>;
    type SerializeTuple = Impossible<Option<String>, QueryError>;
    type SerializeTupleStruct = Impossible<Option<String>, QueryError>;
    type SerializeTupleVariant = Impossible<Option<String>, QueryError>;
    type SerializeMap = Impossible<Option<String>, QueryError>;
    type SerializeStruct = Impossible<Option<String>, QueryError>;
    type SerializeStructVariant = Impossible<Option<String>, QueryError>;

    scalar_to_string! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
        serialize_str(&str);
    }

    // As JSON writes them (`1.0`, not `1`); NaN and the infinities, `null` in JSON, are left out.
    fn serialize_f32(self, value: f32) -> Result<Option<String>, QueryError> {
        Ok(value
            .is_finite()
            .then(|| serde_json::to_string(&value).ok())
            .flatten())
    }

    fn serialize_f64(self, value: f64) -> Result<Option<String>, QueryError> {
        Ok(value
            .is_finite()
            .then(|| serde_json::to_string(&value).ok())
            .flatten())
    }

    fn serialize_none(self) -> Result<Option<String>, QueryError> {
        Ok(None)
    }

    fn serialize_some<T: Serialize + ?Sized>(
        self,
        value: &T,
    ) -> Result<Option<String>, QueryError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Option<String>, QueryError> {
        Ok(None)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<Option<String>, QueryError> {
        Ok(None)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Option<String>, QueryError> {
        Ok(Some(variant.to_owned()))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Option<String>, QueryError> {
        value.serialize(self)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<Option<String>, QueryError> {
        Err(QueryError::Compound)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Option<String>, QueryError> {
        Err(QueryError::Compound)
    }

    compound! {
        serialize_seq(Option<usize>) -> SerializeSeq;
        serialize_tuple(usize) -> SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> SerializeTupleVariant;
        serialize_map(Option<usize>) -> SerializeMap;
        serialize_struct(&'static str, usize) -> SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> SerializeStructVariant;
    }
}
