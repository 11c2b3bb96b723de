//! Serde helpers for ids WeChat sends as a string in one answer and as a number in another
//! (`menuid`, `categoryId`): read either, keep the value exact.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(String),
    Unsigned(u64),
    Signed(i64),
}

impl Loose {
    fn into_text(self) -> String {
        match self {
            Loose::Text(s) => s,
            Loose::Unsigned(n) => n.to_string(),
            Loose::Signed(n) => n.to_string(),
        }
    }
}

/// A string, or an integer as its decimal text; `null` becomes empty.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<Loose>::deserialize(d)?
        .map(Loose::into_text)
        .unwrap_or_default())
}

/// As [`text`], for optional fields: `null` stays `None`.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Loose>::deserialize(d)?.map(Loose::into_text))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct T {
        #[serde(deserialize_with = "super::text")]
        a: String,
        #[serde(default, deserialize_with = "super::opt_text")]
        b: Option<String>,
    }

    #[test]
    fn either_shape_stays_exact() {
        let t: T = serde_json::from_str(r#"{"a":208396938,"b":"x"}"#).unwrap();
        assert_eq!(t.a, "208396938");
        assert_eq!(t.b.as_deref(), Some("x"));
        let t: T = serde_json::from_str(r#"{"a":"x"}"#).unwrap();
        assert_eq!(t.b, None);
    }
}
