//! Deserializers for fields WeChat sends sometimes as a string, sometimes as a number.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrNumber {
    String(String),
    Unsigned(u64),
    Signed(i64),
}

impl StringOrNumber {
    fn into_string(self) -> String {
        match self {
            StringOrNumber::String(s) => s,
            StringOrNumber::Unsigned(n) => n.to_string(),
            StringOrNumber::Signed(n) => n.to_string(),
        }
    }
}

/// A string, or an integer kept exact as its decimal text; `null` becomes empty.
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<StringOrNumber>::deserialize(d)?
        .map(StringOrNumber::into_string)
        .unwrap_or_default())
}

/// As [`string`], for optional fields: `null` stays `None`.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<StringOrNumber>::deserialize(d)?.map(StringOrNumber::into_string))
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "super::string")]
        a: String,
        #[serde(default, deserialize_with = "super::opt_string")]
        b: Option<String>,
    }

    #[test]
    fn strings_and_numbers() {
        let t: T = serde_json::from_str(r#"{"a":18446744073709551615,"b":"x"}"#).unwrap();
        assert_eq!(
            (t.a.as_str(), t.b.as_deref()),
            ("18446744073709551615", Some("x"))
        );
        let t: T = serde_json::from_str(r#"{"a":"1001","b":-3}"#).unwrap();
        assert_eq!((t.a.as_str(), t.b.as_deref()), ("1001", Some("-3")));
        let t: T = serde_json::from_str(r#"{"a":null,"b":null}"#).unwrap();
        assert_eq!((t.a.as_str(), t.b), ("", None));
        let t: T = serde_json::from_str("{}").unwrap();
        assert_eq!((t.a.as_str(), t.b), ("", None));
    }
}
