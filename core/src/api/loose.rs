//! Serde helpers for ids WeChat sends as a string in one answer and as a number in another
//! (`menuid`, `msg_id`, `categoryId`): read either, keep the value exact.

use serde::{Deserialize, Deserializer, Serializer};

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

/// A `u64` sent as a number or as a decimal string.
pub(crate) fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match Loose::deserialize(d)? {
        Loose::Unsigned(n) => Ok(n),
        Loose::Signed(n) => u64::try_from(n).map_err(serde::de::Error::custom),
        Loose::Text(s) => s.trim().parse().map_err(serde::de::Error::custom),
    }
}

/// As [`u64`], for optional fields.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "u64")] u64);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

/// Writes a `u64` as a decimal string (where the document's example quotes it).
pub(crate) fn u64_as_text<S: Serializer>(n: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(n)
}

/// An optional `i64` sent as a number or as a decimal string (`"errcode": "0"`); `null` and `""`
/// are `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<Loose>::deserialize(d)? {
        None => Ok(None),
        Some(Loose::Signed(n)) => Ok(Some(n)),
        Some(Loose::Unsigned(n)) => i64::try_from(n).map(Some).map_err(serde::de::Error::custom),
        Some(Loose::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(Loose::Text(s)) => s.trim().parse().map(Some).map_err(serde::de::Error::custom),
    }
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
        #[serde(deserialize_with = "super::u64")]
        c: u64,
        #[serde(default, deserialize_with = "super::opt_u64")]
        d: Option<u64>,
    }

    #[test]
    fn either_shape_stays_exact() {
        let t: T = serde_json::from_str(
            r#"{"a":208396938,"b":"x","c":"18446744073709551615","d":3147483648}"#,
        )
        .unwrap();
        assert_eq!(t.a, "208396938");
        assert_eq!(t.b.as_deref(), Some("x"));
        assert_eq!(t.c, u64::MAX);
        assert_eq!(t.d, Some(3_147_483_648));
        let t: T = serde_json::from_str(r#"{"a":"x","c":1}"#).unwrap();
        assert_eq!((t.b, t.d), (None, None));
        assert!(serde_json::from_str::<T>(r#"{"a":"x","c":"nope"}"#).is_err());
    }
}
