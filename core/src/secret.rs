//! Secret values: app secrets, tokens, keys, access tokens, tickets.

use std::fmt;
use std::sync::Arc;

/// A secret string whose `Debug` and `Display` print `[redacted]`.
///
/// Read it with [`Secret::expose`] only where the value must go on the wire. Cloning one is
/// cheap (it is shared, not copied): a cached token is handed out without allocating.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Arc<str>);

impl Default for Secret {
    fn default() -> Self {
        Self(Arc::from(""))
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self::from)
    }
}

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Arc::from(value.into()))
    }

    /// The secret itself, for the wire. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Serializes a secret as its value, for request types whose fields go on the wire
/// (`#[serde(serialize_with = "crate::secret::expose")]`). Responses never use it: a secret in a
/// response serializes as `[redacted]` unless its type says otherwise.
pub fn expose<S: serde::Serializer>(secret: &Secret, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(secret.expose())
}

/// A secret in a response serializes as `"[redacted]"`: the field stays, its value does not.
/// Request fields that must go on the wire use [`expose`].
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(REDACTED)
    }
}

/// What a secret serializes and prints as.
pub const REDACTED: &str = "[redacted]";

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(Arc::from(value))
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(Arc::from(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_are_redacted() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(s.expose(), "hunter2");
    }
}
