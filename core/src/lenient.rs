//! Lenient serde helpers for what WeChat sends, with one policy for the whole crate:
//!
//! - **Numbers sent as strings are accepted.** XML is all text, and WeChat's JSON quotes some
//!   numbers in one answer and not in another (`menuid`, `msg_id`, `categoryId`). A number
//!   field reads a JSON integer or a string holding one (surrounding blanks ignored); a float
//!   is accepted only when it is a whole number small enough to be exact (at most 2^53).
//! - **`""` and `null` mean absent.** A blank string or `null` is `0` for a plain number and
//!   `None` for an optional one; for a text field `null` is `""` (plain) or `None` (optional),
//!   while a string is kept as sent.
//! - **64-bit ids stay exact.** Integers are read as `u64` or parsed from their text, never
//!   through `f64`; [`u64_as_string`] writes them back as strings for JSON consumers that
//!   would round them.
//! - **Text fields accept integers** as their decimal text.
//! - **Lists** arrive as an array, one item, or a `List` / `item` wrapper ([`list`]).
//!
//! Anything else (a negative id, letters in a number, an object where text belongs) is an
//! error, so a field that does not fit its type is reported rather than guessed.

// Without any API area, only the callbacks use a part of these.
#![cfg_attr(not(feature = "oa"), allow(dead_code))]

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::Serializer;

/// The largest integer an `f64` holds exactly.
const MAX_EXACT_F64: f64 = 9_007_199_254_740_992.0;

/// The methods of an `Option`-valued visitor for `null` (`None`, unit) and `Some(x)`.
macro_rules! absent_is_none {
    () => {
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    };
}

/// Reads an optional `u64`; [`u64`] and [`opt_u64`] differ only in what absence becomes.
struct U64Visitor;

impl<'de> Visitor<'de> for U64Visitor {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an unsigned integer or a string holding one")
    }

    absent_is_none!();

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        u64::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if (0.0..=MAX_EXACT_F64).contains(&v) && v.fract() == 0.0 {
            Ok(Some(v as u64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// A `u64` from a number or a numeric string; blank or `null` is 0.
pub(crate) fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(d.deserialize_any(U64Visitor)?.unwrap_or_default())
}

/// An optional `u64` from a number or a numeric string; blank or `null` is `None`.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_option(U64Visitor)
}

/// Reads an optional `i64` (error codes: `"errcode": "0"`).
struct I64Visitor;

impl<'de> Visitor<'de> for I64Visitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string holding one")
    }

    absent_is_none!();

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.abs() <= MAX_EXACT_F64 && v.fract() == 0.0 {
            Ok(Some(v as i64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// An optional `i64` from a number or a numeric string; blank or `null` is `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_option(I64Visitor)
}

/// Reads optional text, taking an integer as its decimal text.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or an integer")
    }

    absent_is_none!();

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
}

/// A string, or an integer as its decimal text; `null` is empty.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(d.deserialize_any(TextVisitor)?.unwrap_or_default())
}

/// As [`text`], for optional fields: `null` is `None`.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(TextVisitor)
}

/// Writes a 64-bit id as a decimal string, so JSON consumers (JavaScript, jq) keep it exact.
pub(crate) fn u64_as_string<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// [`u64_as_string`] for an optional id.
pub(crate) fn opt_u64_as_string<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// A list from an array, a single object, or a wrapper object holding the list under `List`
/// or `item` (WeChat's XML shapes). Blank or `null` is empty. Works on the original
/// deserializer, so XML text still coerces to numbers inside the items.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_any(ListVisitor(PhantomData))
}

struct ListVisitor<T>(PhantomData<T>);

/// A nested list value (the inside of a `List` / `item` wrapper).
struct Nested<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nested<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData)).map(Nested)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list, one item, or a List/item wrapper")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
        if v.trim().is_empty() {
            Ok(Vec::new())
        } else {
            Err(E::invalid_type(de::Unexpected::Str(v), &self))
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Ok(Vec::new());
        };
        if first == "List" || first == "item" {
            let Nested(items) = map.next_value::<Nested<T>>()?;
            while map
                .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                .is_some()
            {}
            return Ok(items);
        }
        let item = T::deserialize(de::value::MapAccessDeserializer::new(PrependKey {
            first: Some(first),
            inner: map,
        }))?;
        Ok(vec![item])
    }
}

/// A map whose first key was already read: yields it again, then the rest.
struct PrependKey<A> {
    first: Option<String>,
    inner: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for PrependKey<A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed
                .deserialize(de::value::StringDeserializer::<A::Error>::new(key))
                .map(Some),
            None => self.inner.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::text")]
        a: String,
        #[serde(default, deserialize_with = "super::opt_text")]
        b: Option<String>,
        #[serde(default, deserialize_with = "super::u64")]
        c: u64,
        #[serde(default, deserialize_with = "super::opt_u64")]
        d: Option<u64>,
    }

    fn t(value: serde_json::Value) -> Result<T, serde_json::Error> {
        T::deserialize(value)
    }

    #[test]
    fn numbers_as_strings_stay_exact() {
        let v =
            t(json!({"a": 208396938, "b": "x", "c": "18446744073709551615", "d": 3147483648u64}))
                .unwrap();
        assert_eq!(v.a, "208396938");
        assert_eq!(v.b.as_deref(), Some("x"));
        assert_eq!(v.c, u64::MAX);
        assert_eq!(v.d, Some(3_147_483_648));
        let v = t(json!({"c": " 42 ", "d": "7"})).unwrap();
        assert_eq!((v.c, v.d), (42, Some(7)));
        let v: T = serde_json::from_str(r#"{"c": 18446744073709551615}"#).unwrap();
        assert_eq!(v.c, u64::MAX);
    }

    #[test]
    fn blank_and_null_are_absent() {
        let v = t(json!({"a": null, "b": null, "c": "", "d": ""})).unwrap();
        assert_eq!((v.a.as_str(), v.b, v.c, v.d), ("", None, 0, None));
        let v = t(json!({"c": null, "d": null})).unwrap();
        assert_eq!((v.c, v.d), (0, None));
        let v = t(json!({"b": ""})).unwrap();
        assert_eq!(v.b.as_deref(), Some(""), "text is kept as sent");
    }

    #[test]
    fn what_is_not_a_number_is_an_error() {
        for bad in [
            json!({"c": "nope"}),
            json!({"c": -1}),
            json!({"c": 1.5}),
            json!({"c": 1e300}),
            json!({"d": "1x"}),
            json!({"a": {"x": 1}}),
        ] {
            assert!(t(bad.clone()).is_err(), "{bad}");
        }
        assert_eq!(t(json!({"c": 3.0})).unwrap().c, 3);
    }
}
