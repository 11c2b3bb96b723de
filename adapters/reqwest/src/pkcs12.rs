//! PKCS#12 (`apiclient_cert.p12`, password: the merchant id by WeChat Pay's convention): the
//! merchant's private key and certificate out of one file, through `p12-keystore` (pure Rust;
//! PBES2 with AES as OpenSSL 3 writes it, and the legacy RC2/3DES PBEs of older tools and of the
//! files the merchant platform hands out).

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use p12_keystore::{KeyStore, Pkcs12ImportPolicy, error::Error as P12Error};
use wechat_core::{Error, Result, Secret};

/// What a PKCS#12 file held: one private key (PKCS#8 DER) and its certificate chain, the
/// merchant's own certificate first. Its `Debug` output never shows the key.
pub(crate) struct Pkcs12 {
    key_pkcs8: Vec<u8>,
    certificates: Vec<Vec<u8>>,
}

impl fmt::Debug for Pkcs12 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pkcs12")
            .field("key", &"[redacted]")
            .field("certificates", &self.certificates.len())
            .finish()
    }
}

impl Drop for Pkcs12 {
    fn drop(&mut self) {
        self.key_pkcs8.fill(0);
    }
}

impl Pkcs12 {
    /// Opens a PKCS#12 file (DER). A wrong password and a damaged file are told apart as far as
    /// the file lets; neither message says anything of the key.
    pub(crate) fn open(der: &[u8], password: &str) -> Result<Self> {
        let store =
            KeyStore::from_pkcs12(der, password, Pkcs12ImportPolicy::Relaxed).map_err(|e| {
                Error::Build(match e {
                    P12Error::MacError(_) => {
                        "the PKCS#12 file does not open: wrong password (WeChat Pay's \
                         apiclient_cert.p12 takes the merchant id), or a damaged file"
                            .to_owned()
                    }
                    P12Error::UnsupportedEncryptionScheme | P12Error::UnsupportedMacAlgorithm => {
                        format!("the PKCS#12 file uses an unsupported algorithm: {e}")
                    }
                    _ => "not a PKCS#12 file, or a wrong password".to_owned(),
                })
            })?;
        let mut chains = store.entries().filter_map(|(_, entry)| match entry {
            p12_keystore::KeyStoreEntry::PrivateKeyChain(chain) => Some(chain),
            _ => None,
        });
        let chain = chains
            .next()
            .ok_or_else(|| Error::Build("the PKCS#12 file holds no private key".into()))?;
        if chains.next().is_some() {
            return Err(Error::Build(
                "the PKCS#12 file holds several private keys: expected the merchant's one".into(),
            ));
        }
        Ok(Self {
            key_pkcs8: chain.key().as_der().to_vec(),
            certificates: chain.certs().iter().map(|c| c.as_der().to_vec()).collect(),
        })
    }

    /// The private key, PKCS#8 DER.
    pub(crate) fn key_pkcs8(&self) -> &[u8] {
        &self.key_pkcs8
    }

    /// The certificate chain and the key as one PEM text (certificates first), as
    /// [`reqwest::Identity::from_pem`] reads it.
    pub(crate) fn identity_pem(&self) -> Result<(String, Secret)> {
        if self.certificates.is_empty() {
            return Err(Error::Build(
                "the PKCS#12 file holds no certificate for its key".into(),
            ));
        }
        let certs: String = self
            .certificates
            .iter()
            .map(|der| pem("CERTIFICATE", der))
            .collect();
        Ok((certs, Secret::new(pem("PRIVATE KEY", &self.key_pkcs8))))
    }
}

/// One PEM block, lines of 64 characters.
fn pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}
