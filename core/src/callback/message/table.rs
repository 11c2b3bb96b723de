//! The machinery behind the push tables: [`push_enum!`] turns one table of WeChat names,
//! variants and payload types into an enum with its name function, its dispatch and its
//! serialization; [`with_header!`] declares the payload structs that carry the common header.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::xml::{Node, NodeDe};
use super::{Header, RawFields};

/// A parsed document in either format, for dispatch.
pub(super) enum Doc<'d, 'a> {
    Xml(&'d Node<'a>),
    Json(&'d Value),
}

impl Doc<'_, '_> {
    /// A text field (XML text node or JSON string).
    pub(super) fn text(&self, key: &str) -> Option<&str> {
        match self {
            Doc::Xml(node) => node.text(key),
            Doc::Json(value) => value.get(key).and_then(Value::as_str),
        }
    }

    /// The document as `T`, or why it does not fit.
    pub(super) fn typed<T: DeserializeOwned>(&self) -> Result<T, String> {
        match self {
            Doc::Xml(node) => T::deserialize(NodeDe(node)).map_err(|e| e.to_string()),
            Doc::Json(value) => T::deserialize(*value).map_err(|e| e.to_string()),
        }
    }

    /// Every field, as sent.
    pub(super) fn raw(&self) -> RawFields {
        let value = match self {
            Doc::Xml(node) => node.to_value(),
            Doc::Json(value) => (*value).clone(),
        };
        into_map(value)
    }
}

/// What a push table needs from each of its payloads: a struct of WeChat's fields or a
/// nested push enum.
pub(super) trait Payload: Sized {
    /// Reads the payload from a document; `Err` says why its fields do not fit.
    fn decode(doc: &Doc<'_, '_>) -> Result<Self, String>;
    /// The header fields.
    fn header(&self) -> Header<'_>;
    /// WeChat's flat object: the payload's fields, then `tags` (`MsgType`, `Event`, ...)
    /// in order.
    fn fields(&self, tags: RawFields) -> Result<RawFields, serde_json::Error>;
}

/// A payload struct: serde maps WeChat's fields onto it; it knows where its header is.
pub(super) trait Typed: Serialize + DeserializeOwned {
    /// The header fields.
    fn typed_header(&self) -> Header<'_>;

    /// The `MsgId` the header carries: user messages have one.
    fn header_msg_id(&self) -> Option<u64> {
        None
    }
}

impl<T: Typed> Payload for T {
    fn decode(doc: &Doc<'_, '_>) -> Result<Self, String> {
        doc.typed()
    }

    fn header(&self) -> Header<'_> {
        self.typed_header()
    }

    fn fields(&self, tags: RawFields) -> Result<RawFields, serde_json::Error> {
        let mut map = into_map(serde_json::to_value(self)?);
        map.extend(tags);
        Ok(map)
    }
}

/// Whether a name WeChat sent matches one of a table's names: ASCII case ignored, a trailing
/// `*` matches any suffix.
pub(super) fn wire_matches(wire: &[&str], name: &str) -> bool {
    wire.iter().any(|w| match w.strip_suffix('*') {
        Some(prefix) => name
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix)),
        None => name.eq_ignore_ascii_case(w),
    })
}

/// A string field of raw fields, or `""`.
pub(super) fn raw_str<'r>(raw: &'r RawFields, key: &str) -> &'r str {
    raw.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The header of a push kept raw.
pub(super) fn raw_header(raw: &RawFields) -> Header<'_> {
    let num = |key: &str| match raw.get(key) {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let to = match raw_str(raw, "ToUserName") {
        "" => match raw_str(raw, "SuiteId") {
            "" => raw_str(raw, "AppId"),
            s => s,
        },
        s => s,
    };
    Header {
        to_user_name: to,
        from_user_name: raw_str(raw, "FromUserName"),
        create_time: num("CreateTime").or_else(|| num("TimeStamp")).unwrap_or(0),
        msg_id: num("MsgId"),
    }
}

/// An object's fields (anything else has none).
pub(super) fn into_map(value: Value) -> RawFields {
    match value {
        Value::Object(map) => map,
        _ => RawFields::new(),
    }
}

/// Declares a push enum from one table, the only place its names are listed:
///
/// ```text
/// push_enum! {
///     /// Docs.
///     pub enum Name by "KeyField" {
///         /// `subscribe`.
///         Subscribe(SubscribeEvent) = "subscribe",
///         /// Card events (the name comes from the payload's `event` field).
///         Card(CardEvent) = "card_pass_check" | "user_get_card"; event,
///         /// `xpay_*` (a trailing `*` matches any suffix).
///         XPay(XPayEvent) = "xpay_*"; event,
///     }
///     /// Docs of the name function.
///     fn name_fn;
///     // Optional: variants outside the table (no name of their own, dispatched by hand).
///     also {
///         /// Docs.
///         Component(ComponentEvent),
///     }
///     // Optional: what a document whose name is not in the table becomes
///     // (default: `Unknown`).
///     otherwise info_push
/// }
/// ```
///
/// It generates the enum with an `Unknown(Untyped)` variant last, `name_fn` (the name as
/// WeChat spells it: the first listed name, or the payload's field after `;`), the dispatch
/// from a name (ASCII case ignored, first match wins) and the payload plumbing (header,
/// WeChat's flat object with the key field filled in).
macro_rules! push_enum {
    (
        $(#[$meta:meta])*
        pub enum $Enum:ident by $key:literal {
            $(
                $(#[$vmeta:meta])*
                $V:ident($T:ty) = $($wire:literal)|+ $(; $field:ident)?,
            )*
        }
        $(#[$fmeta:meta])*
        fn $name_fn:ident;
        $(also {
            $( $(#[$xmeta:meta])* $X:ident($XT:ty), )*
        })?
        $(otherwise $otherwise:path)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $Enum {
            $( $(#[$vmeta])* $V($T), )*
            $($( $(#[$xmeta])* $X($XT), )*)?
            #[doc = concat!(
                "Another `", $key, "`, or a known one whose fields do not fit its type: ",
                "every raw field kept, with the decode error in the second case."
            )]
            Unknown($crate::callback::Untyped),
        }

        impl $Enum {
            $(#[$fmeta])*
            pub fn $name_fn(&self) -> &str {
                match self {
                    $( Self::$V(_e) => push_enum!(@name _e $($wire)|+ $(; $field)?), )*
                    $($( Self::$X(_) => "", )*)?
                    Self::Unknown(raw) => $crate::callback::message::table::raw_str(raw, $key),
                }
            }

            /// The variant for a name in the table, decoded from `doc`; `None` for another name.
            pub(in $crate::callback::message) fn decode_named(
                name: &str,
                doc: &$crate::callback::message::table::Doc<'_, '_>,
            ) -> Option<Self> {
                use $crate::callback::message::table::{Payload, wire_matches};
                $(
                    if wire_matches(&[$($wire),+], name) {
                        return Some(match <$T as Payload>::decode(doc) {
                            Ok(v) => Self::$V(v),
                            Err(error) => Self::Unknown($crate::callback::Untyped {
                                fields: doc.raw(),
                                error: Some(format!("{name}: {error}")),
                            }),
                        });
                    }
                )*
                None
            }
        }

        impl $crate::callback::message::table::Payload for $Enum {
            fn decode(
                doc: &$crate::callback::message::table::Doc<'_, '_>,
            ) -> Result<Self, String> {
                let name = doc.text($key).unwrap_or("").trim();
                Ok(Self::decode_named(name, doc)
                    .unwrap_or_else(|| push_enum!(@otherwise doc $($otherwise)?)))
            }

            fn header(&self) -> $crate::callback::message::Header<'_> {
                use $crate::callback::message::table::Payload;
                match self {
                    $( Self::$V(e) => Payload::header(e), )*
                    $($( Self::$X(e) => Payload::header(e), )*)?
                    Self::Unknown(raw) => $crate::callback::message::table::raw_header(raw),
                }
            }

            fn fields(
                &self,
                mut tags: $crate::callback::RawFields,
            ) -> Result<$crate::callback::RawFields, serde_json::Error> {
                use $crate::callback::message::table::Payload;
                match self {
                    $(
                        Self::$V(e) => {
                            tags.insert($key.into(), self.$name_fn().into());
                            Payload::fields(e, tags)
                        }
                    )*
                    $($( Self::$X(e) => Payload::fields(e, tags), )*)?
                    Self::Unknown(raw) => {
                        let mut map = raw.fields.clone();
                        map.extend(tags);
                        Ok(map)
                    }
                }
            }
        }
    };
    (@name $e:ident $first:literal $(| $rest:literal)* ; $field:ident) => {
        &$e.$field
    };
    (@name $e:ident $first:literal $(| $rest:literal)*) => {
        $first
    };
    (@otherwise $doc:ident $otherwise:path) => {
        $otherwise($doc)
    };
    (@otherwise $doc:ident) => {
        Self::Unknown($doc.raw().into())
    };
}

/// Declares a payload struct with the common header: `ToUserName`, `FromUserName`,
/// `CreateTime` and WeCom's `AgentID`. `with_header!(msg_id ...)` declares a user message,
/// whose header also carries its `msg_id` field.
macro_rules! with_header {
    (@struct [$($msg_id:tt)*] $(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        $(#[$meta])*
        pub struct $name {
            /// The receiving account: the original id (`gh_...`) or the corp id.
            #[serde(rename = "ToUserName")]
            pub to_user_name: String,
            /// The sender: an OpenID or a WeCom UserID.
            #[serde(rename = "FromUserName")]
            pub from_user_name: String,
            /// Unix seconds.
            #[serde(rename = "CreateTime", deserialize_with = "crate::lenient::u64")]
            pub create_time: u64,
            /// The receiving WeCom app.
            #[serde(
                rename = "AgentID",
                deserialize_with = "crate::lenient::opt_u64",
                skip_serializing_if = "Option::is_none"
            )]
            pub agent_id: Option<u64>,
            $($body)*
        }

        impl $crate::callback::message::table::Typed for $name {
            fn typed_header(&self) -> $crate::callback::message::Header<'_> {
                $crate::callback::message::Header {
                    to_user_name: &self.to_user_name,
                    from_user_name: &self.from_user_name,
                    create_time: self.create_time,
                    msg_id: self.header_msg_id(),
                }
            }

            $($msg_id)*
        }
    };
    (msg_id $($item:tt)*) => {
        with_header!(@struct [
            fn header_msg_id(&self) -> Option<u64> {
                Some(self.msg_id)
            }
        ] $($item)*);
    };
    ($($item:tt)*) => {
        with_header!(@struct [] $($item)*);
    };
}

/// The header of a push addressed to an app rather than sent by a user (`InfoType` pushes):
/// `info_header!(Type: receiver_field, time_field)`.
macro_rules! info_header {
    ($name:ident: $to:ident, $time:ident) => {
        impl $crate::callback::message::table::Typed for $name {
            fn typed_header(&self) -> $crate::callback::message::Header<'_> {
                $crate::callback::message::Header {
                    to_user_name: &self.$to,
                    from_user_name: "",
                    create_time: self.$time,
                    msg_id: None,
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::wire_matches;

    #[test]
    fn names_match_in_any_case_and_stars_match_suffixes() {
        assert!(wire_matches(&["SCAN"], "scan"));
        assert!(wire_matches(&["a", "subscribe"], "Subscribe"));
        assert!(!wire_matches(&["subscribe"], "unsubscribe"));
        assert!(wire_matches(&["xpay_*"], "XPAY_refund_notify"));
        assert!(wire_matches(&["xpay_*"], "xpay_"));
        assert!(!wire_matches(&["xpay_*"], "xpa"));
        assert!(
            !wire_matches(&["xpay_*"], "x支付"),
            "no panic inside a character"
        );
    }
}
