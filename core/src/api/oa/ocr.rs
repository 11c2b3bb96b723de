//! OCR: ID cards, bank cards, vehicle and driving licenses, business licenses, printed text,
//! licence plates.
//!
//! Each endpoint reads an image given by URL (`img_url` in the query, empty body) or uploaded
//! (form field `img`).

use serde::{Deserialize, Serialize};

use super::material::Upload;
use crate::endpoint::Body;

/// The image to read.
#[derive(Clone, Debug, PartialEq)]
pub enum OcrImage {
    /// `img_url`: an image WeChat downloads.
    Url(String),
    /// `img`: an uploaded image.
    File(Upload),
}

/// The recognition mode (`type`) of ID cards, bank cards and vehicle licenses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OcrMode {
    /// `photo`: a photograph (the default).
    Photo,
    /// `scan`: a scan.
    Scan,
}

impl OcrMode {
    /// As WeChat spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            OcrMode::Photo => "photo",
            OcrMode::Scan => "scan",
        }
    }
}

fn ocr_query(image: &OcrImage, mode: Option<OcrMode>) -> Vec<(String, String)> {
    let mut query = Vec::new();
    if let Some(mode) = mode {
        query.push(("type".to_owned(), mode.as_str().to_owned()));
    }
    if let OcrImage::Url(url) = image {
        query.push(("img_url".to_owned(), url.clone()));
    }
    query
}

fn ocr_body(image: &OcrImage) -> Body {
    match image {
        OcrImage::Url(_) => Body::Empty,
        OcrImage::File(upload) => Body::Multipart(upload.form("img")),
    }
}

/// Declares an OCR request type with its constructors and endpoint; `mode` adds the `type` query
/// parameter.
macro_rules! ocr {
    ($(
        $(#[$doc:meta])*
        $req:ident $({ $mode:ident })? => $resp:ty, $path:literal;
    )*) => {
    $(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $req {
            /// The image.
            pub image: OcrImage,
            $(
                /// `type`: photo (default) or scan.
                pub $mode: Option<OcrMode>,
            )?
        }

        /// Reads WeChat's documented query: `img_url`, and `type` where the endpoint has one.
        /// An uploaded image cannot be written as JSON.
        impl<'de> Deserialize<'de> for $req {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[derive(Deserialize)]
                #[allow(dead_code)]
                struct Wire {
                    img_url: String,
                    #[serde(default, rename = "type")]
                    mode: Option<OcrMode>,
                }
                let w = Wire::deserialize(d)?;
                #[allow(unused_mut)]
                let mut request = Self::url(w.img_url);
                $(request.$mode = w.mode;)?
                Ok(request)
            }
        }

        impl $req {
            /// Reads the image at `img_url`.
            pub fn url(img_url: impl Into<String>) -> Self {
                Self {
                    image: OcrImage::Url(img_url.into()),
                    $($mode: None,)?
                }
            }

            /// Reads an uploaded image.
            pub fn file(img: Upload) -> Self {
                Self {
                    image: OcrImage::File(img),
                    $($mode: None,)?
                }
            }

            fn mode(&self) -> Option<OcrMode> {
                #[allow(unused_mut, unused_assignments)]
                let mut mode = None;
                $(mode = self.$mode;)?
                mode
            }
        }
    )*

    crate::endpoint! {
        area: "officialaccount";
        $(
            $req => $resp {
                POST Api $path,
                auth: AccessToken, repeat: Safe,
                query: |r| Ok(ocr_query(&r.image, r.mode())),
                body: |r| Ok(ocr_body(&r.image)),
                doc: "https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/OCR.html",
            }
        )*
    }
    };
}

ocr! {
    /// `cv/ocr/idcard`: reads a Chinese ID card, front or back.
    OcrIdCard { mode } => IdCardOcr, "/cv/ocr/idcard";
    /// `cv/ocr/bankcard`: reads a bank card number.
    OcrBankCard { mode } => BankCardOcr, "/cv/ocr/bankcard";
    /// `cv/ocr/driving`: reads a vehicle license (行驶证).
    OcrDriving { mode } => DrivingOcr, "/cv/ocr/driving";
    /// `cv/ocr/drivinglicense`: reads a driving license (驾驶证).
    OcrDrivingLicense => DrivingLicenseOcr, "/cv/ocr/drivinglicense";
    /// `cv/ocr/bizlicense`: reads a business license.
    OcrBizLicense => BizLicenseOcr, "/cv/ocr/bizlicense";
    /// `cv/ocr/comm`: reads printed text.
    OcrCommon => CommonOcr, "/cv/ocr/comm";
    /// `cv/ocr/platenum`: reads a licence plate.
    OcrPlateNumber => PlateNumberOcr, "/cv/ocr/platenum";
}

/// A point of an image, in pixels.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OcrPoint {
    /// From the left.
    #[serde(default)]
    pub x: i64,
    /// From the top.
    #[serde(default)]
    pub y: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The four corners of a region.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OcrPosition {
    /// Top left.
    #[serde(default)]
    pub left_top: OcrPoint,
    /// Top right.
    #[serde(default)]
    pub right_top: OcrPoint,
    /// Bottom right.
    #[serde(default)]
    pub right_bottom: OcrPoint,
    /// Bottom left.
    #[serde(default)]
    pub left_bottom: OcrPoint,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Where a card lies in the image (`{"pos": ...}`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OcrCardPosition {
    /// The corners.
    #[serde(default)]
    pub pos: OcrPosition,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The size of the image read.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OcrImageSize {
    /// Width, pixels.
    #[serde(default)]
    pub w: i64,
    /// Height, pixels.
    #[serde(default)]
    pub h: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/idcard`: the front carries the holder, the back the validity.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct IdCardOcr {
    /// `type`: `Front` or `Back`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Front: the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Front: the ID number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Front: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    /// Front: the gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Front: the ethnicity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// Back: the validity, `YYYYMMDD-YYYYMMDD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_date: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/bankcard`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct BankCardOcr {
    /// The card number.
    #[serde(default)]
    pub number: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/driving` (vehicle license).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DrivingOcr {
    /// The plate number.
    #[serde(default)]
    pub plate_num: String,
    /// The vehicle type.
    #[serde(default)]
    pub vehicle_type: String,
    /// The owner.
    #[serde(default)]
    pub owner: String,
    /// The owner's address.
    #[serde(default)]
    pub addr: String,
    /// The use (commercial or not).
    #[serde(default)]
    pub use_character: String,
    /// The brand and model.
    #[serde(default)]
    pub model: String,
    /// The vehicle identification number.
    #[serde(default)]
    pub vin: String,
    /// The engine number.
    #[serde(default)]
    pub engine_num: String,
    /// The registration date.
    #[serde(default)]
    pub register_date: String,
    /// The issue date.
    #[serde(default)]
    pub issue_date: String,
    /// The plate number on the back.
    #[serde(default)]
    pub plate_num_b: String,
    /// The file number.
    #[serde(default)]
    pub record: String,
    /// The approved passengers.
    #[serde(default)]
    pub passengers_num: String,
    /// The total mass.
    #[serde(default)]
    pub total_quality: String,
    /// The curb weight.
    #[serde(default)]
    pub prepare_quality: String,
    /// The overall dimensions.
    #[serde(default)]
    pub overall_size: String,
    /// Where the front page lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_position_front: Option<OcrCardPosition>,
    /// Where the back page lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_position_back: Option<OcrCardPosition>,
    /// The image size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub img_size: Option<OcrImageSize>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/drivinglicense` (driving license).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DrivingLicenseOcr {
    /// The license number.
    #[serde(default)]
    pub id_num: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The sex.
    #[serde(default)]
    pub sex: String,
    /// The nationality.
    #[serde(default)]
    pub nationality: String,
    /// The address.
    #[serde(default)]
    pub address: String,
    /// The birth date.
    #[serde(default)]
    pub birth_date: String,
    /// The first issue date.
    #[serde(default)]
    pub issue_date: String,
    /// The permitted vehicle class.
    #[serde(default)]
    pub car_class: String,
    /// Valid from.
    #[serde(default)]
    pub valid_from: String,
    /// Valid to.
    #[serde(default)]
    pub valid_to: String,
    /// The issuing authority's seal.
    #[serde(default)]
    pub official_seal: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/bizlicense`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct BizLicenseOcr {
    /// The registration number.
    #[serde(default)]
    pub reg_num: String,
    /// The serial number.
    #[serde(default)]
    pub serial: String,
    /// The legal representative.
    #[serde(default)]
    pub legal_representative: String,
    /// The enterprise name.
    #[serde(default)]
    pub enterprise_name: String,
    /// The form of organization.
    #[serde(default)]
    pub type_of_organization: String,
    /// The address.
    #[serde(default)]
    pub address: String,
    /// The type of enterprise.
    #[serde(default)]
    pub type_of_enterprise: String,
    /// The business scope.
    #[serde(default)]
    pub business_scope: String,
    /// The registered capital.
    #[serde(default)]
    pub registered_capital: String,
    /// The paid-in capital.
    #[serde(default)]
    pub paid_in_capital: String,
    /// The term of operation.
    #[serde(default)]
    pub valid_period: String,
    /// The date of establishment.
    #[serde(default)]
    pub registered_date: String,
    /// Where the license lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_position: Option<OcrCardPosition>,
    /// The image size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub img_size: Option<OcrImageSize>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/comm`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CommonOcr {
    /// The lines found.
    #[serde(default)]
    pub items: Vec<OcrText>,
    /// The image size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub img_size: Option<OcrImageSize>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A line of text and where it lies.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OcrText {
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Its corners.
    #[serde(default)]
    pub pos: OcrPosition,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `cv/ocr/platenum`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PlateNumberOcr {
    /// The plate number.
    #[serde(default)]
    pub number: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

