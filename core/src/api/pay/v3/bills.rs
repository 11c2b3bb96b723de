//! Bills (账单): where to download the trade bill and the fund flow bill of a day, the download
//! itself, and the check of the downloaded bytes against the hash WeChat Pay gave.
//!
//! A bill is ready from 10:00 the next day (Beijing time), for three months. Amounts in bill
//! files are in 元, as text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::endpoint::Binary;
use crate::error::{Error, Result};

/// `/v3/bill/tradebill` (申请交易账单): where to download the trade bill of a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TradeBill {
    /// The day, `yyyy-MM-DD`.
    pub bill_date: String,
    /// `ALL` (default), `SUCCESS` or `REFUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_type: Option<String>,
    /// `GZIP` for a compressed file; plain text by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tar_type: Option<String>,
}

impl TradeBill {
    /// The whole trade bill of `bill_date` (`yyyy-MM-DD`), uncompressed.
    pub fn new(bill_date: impl Into<String>) -> Self {
        Self {
            bill_date: bill_date.into(),
            bill_type: None,
            tar_type: None,
        }
    }
}

/// `/v3/bill/fundflowbill` (申请资金账单): where to download the fund flow bill of a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FundFlowBill {
    /// The day, `yyyy-MM-DD`.
    pub bill_date: String,
    /// `BASIC` (default), `OPERATION` or `FEES`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<String>,
    /// `GZIP` for a compressed file; plain text by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tar_type: Option<String>,
}

impl FundFlowBill {
    /// The basic account's fund flow bill of `bill_date` (`yyyy-MM-DD`), uncompressed.
    pub fn new(bill_date: impl Into<String>) -> Self {
        Self {
            bill_date: bill_date.into(),
            account_type: None,
            tar_type: None,
        }
    }
}

/// What [`TradeBill`] and [`FundFlowBill`] answer: where the file is and its hash.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct BillUrl {
    /// The hash algorithm: `SHA1`.
    pub hash_type: String,
    /// The hash of the plain file (decompressed, for `GZIP`), hex.
    pub hash_value: String,
    /// The file's URL (valid 5 minutes), to fetch with [`DownloadBill`].
    pub download_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl BillUrl {
    /// The request that downloads this bill.
    pub fn download(&self) -> DownloadBill {
        DownloadBill {
            download_url: self.download_url.clone(),
        }
    }

    /// Checks a bill's bytes (decompressed first when it was asked with `tar_type=GZIP`: the
    /// hash is the plain file's) against `hash_type` and `hash_value`; see [`verify_bill`].
    pub fn verify(&self, bytes: &[u8]) -> Result<()> {
        verify_bill(bytes, &self.hash_type, &self.hash_value)
    }
}

/// The path every bill download URL has.
const DOWNLOAD_PATH: &str = "/v3/billdownload/file";

/// `/v3/billdownload/file` (下载账单): the bill file at a `download_url` of [`BillUrl`]. Signed
/// like every v3 call; the answer is the file itself, which WeChat Pay does not sign: check it
/// with [`BillUrl::verify`]. It is the one v3 answer without `Wechatpay-Signature`: a v3
/// [`Signer`](crate::Signer) lets answers of [`Envelope::Binary`](crate::endpoint::Envelope)
/// endpoints through unverified. Only the URL's path and query are used: the client's Pay host
/// serves it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownloadBill {
    /// The `download_url` WeChat Pay answered.
    pub download_url: String,
}

/// The query of a download URL, checked to be a bill download.
fn download_query(request: &DownloadBill) -> Result<Vec<(String, String)>> {
    let url = request.download_url.as_str();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_and_query = after_scheme
        .find('/')
        .map(|i| &after_scheme[i..])
        .unwrap_or_default();
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    if path != DOWNLOAD_PATH {
        return Err(Error::Build(format!(
            "a bill download_url has the path {DOWNLOAD_PATH}, not {path:?}"
        )));
    }
    let decode = |s: &str| -> Result<String> {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .map(Cow::into_owned)
            .map_err(|_| Error::Build("the download_url's query is not UTF-8".into()))
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

/// Checks a bill (the plain file: a `GZIP` download is decompressed first) against the
/// `hash_type` (`SHA1`, any case) and `hash_value` (hex, any case) WeChat Pay gave with its URL. A mismatch, an unknown algorithm or a malformed hash
/// is an [`Error::Signature`] that names both hashes.
pub fn verify_bill(bytes: &[u8], hash_type: &str, hash_value: &str) -> Result<()> {
    use sha1::{Digest, Sha1};
    if !hash_type.eq_ignore_ascii_case("SHA1") {
        return Err(Error::Signature(format!(
            "bill hash_type {hash_type:?} is not SHA1"
        )));
    }
    let expected = hex::decode(hash_value.trim()).map_err(|_| {
        Error::Signature(format!("bill hash_value {hash_value:?} is not hex"))
    })?;
    let actual = Sha1::digest(bytes);
    if expected.as_slice() == actual.as_slice() {
        Ok(())
    } else {
        Err(Error::Signature(format!(
            "the bill's SHA1 is {}, WeChat Pay gave {} ({} bytes downloaded)",
            hex::encode(actual),
            hash_value.trim().to_ascii_lowercase(),
            bytes.len()
        )))
    }
}

crate::endpoint! {
    area: "pay";

    TradeBill => BillUrl {
        GET Pay "/v3/bill/tradebill",
        auth: PayV3Signature, repeat: Safe,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/get-trade-bill.html",
    }
    FundFlowBill => BillUrl {
        GET Pay "/v3/bill/fundflowbill",
        auth: PayV3Signature, repeat: Safe,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/get-fund-bill.html",
    }
    DownloadBill => Binary {
        GET Pay "/v3/billdownload/file",
        auth: PayV3Signature, repeat: Safe,
        query: download_query,
        envelope: Binary,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/download-bill.html",
    }
}
