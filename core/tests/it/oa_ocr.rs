//! OCR: image by URL (query) or upload (multipart), and every recognizer's answer.

use crate::common;

use common::*;
use wechat_core::api::oa::material::Upload;
use wechat_core::api::oa::ocr::*;

const API: &str = "https://api.weixin.qq.com";
const IMG: &str = "https://example.com/card.jpg?size=large&v=2";
const IMG_ENCODED: &str = "https%3A%2F%2Fexample.com%2Fcard.jpg%3Fsize%3Dlarge%26v%3D2";

fn jpeg() -> Upload {
    Upload::new("card.jpg", b"\xff\xd8\xffcard".to_vec())
}

#[test]
fn id_card_by_url_and_by_upload() {
    assert_post_empty(
        &OcrIdCard::url(IMG),
        &format!("{API}/cv/ocr/idcard?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    let mut scan = OcrIdCard::url(IMG);
    scan.mode = Some(OcrMode::Scan);
    assert_post_empty(
        &scan,
        &format!("{API}/cv/ocr/idcard?access_token=ACCESS_TOKEN&type=scan&img_url={IMG_ENCODED}"),
    );
    let body = multipart(
        &OcrIdCard::file(jpeg()),
        &format!("{API}/cv/ocr/idcard?access_token=ACCESS_TOKEN"),
    );
    assert!(body.contains("name=\"img\"; filename=\"card.jpg\"\r\nContent-Type: image/jpeg"));
    let front = parse::<OcrIdCard>(fixture!("cv/ocr/idcard"));
    assert_eq!(front.kind, "Front");
    assert_eq!(front.id.as_deref(), Some("110101199003074514"));
    assert_eq!(front.valid_date, None);
    let back = parse::<OcrIdCard>(
        r#"{"errcode":0,"errmsg":"ok","type":"Back","valid_date":"20171025-20271025"}"#,
    );
    assert_eq!(back.kind, "Back");
    assert_eq!(back.name, None);
    assert_errcode::<OcrIdCard>(r#"{"errcode":101000,"errmsg":"invalid image url"}"#, 101000);
    assert_cataloged::<OcrIdCard>();
}

#[test]
fn bank_card() {
    let mut photo = OcrBankCard::url(IMG);
    photo.mode = Some(OcrMode::Photo);
    assert_post_empty(
        &photo,
        &format!(
            "{API}/cv/ocr/bankcard?access_token=ACCESS_TOKEN&type=photo&img_url={IMG_ENCODED}"
        ),
    );
    let body = multipart(
        &OcrBankCard::file(jpeg()),
        &format!("{API}/cv/ocr/bankcard?access_token=ACCESS_TOKEN"),
    );
    assert!(body.contains("name=\"img\""));
    assert_eq!(
        parse::<OcrBankCard>(fixture!("cv/ocr/bankcard")).number,
        "6222000200120121314"
    );
    assert_cataloged::<OcrBankCard>();
}

#[test]
fn vehicle_license() {
    assert_post_empty(
        &OcrDriving::url(IMG),
        &format!("{API}/cv/ocr/driving?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    let d = parse::<OcrDriving>(fixture!("cv/ocr/driving"));
    assert_eq!(d.vin, "LSVAM4187C2184847");
    assert_eq!(d.card_position_front.unwrap().pos.left_top.x, 96);
    assert_eq!(d.img_size.unwrap().h, 4032);
    assert_cataloged::<OcrDriving>();
}

#[test]
fn driving_license() {
    assert_post_empty(
        &OcrDrivingLicense::url(IMG),
        &format!("{API}/cv/ocr/drivinglicense?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    let body = multipart(
        &OcrDrivingLicense::file(jpeg()),
        &format!("{API}/cv/ocr/drivinglicense?access_token=ACCESS_TOKEN"),
    );
    assert!(body.contains("name=\"img\""));
    let d = parse::<OcrDrivingLicense>(fixture!("cv/ocr/drivinglicense"));
    assert_eq!(
        (d.car_class.as_str(), d.valid_to.as_str()),
        ("C1", "2024-12-21")
    );
    assert_cataloged::<OcrDrivingLicense>();
}

#[test]
fn business_license() {
    assert_post_empty(
        &OcrBizLicense::url(IMG),
        &format!("{API}/cv/ocr/bizlicense?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    let b = parse::<OcrBizLicense>(fixture!("cv/ocr/bizlicense"));
    assert_eq!(b.reg_num, "91440101MA5CXXXX1X");
    assert_eq!(b.cert_position.unwrap().pos.right_bottom.y, 518);
    assert_cataloged::<OcrBizLicense>();
}

#[test]
fn printed_text() {
    assert_post_empty(
        &OcrCommon::url(IMG),
        &format!("{API}/cv/ocr/comm?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    let c = parse::<OcrCommon>(fixture!("cv/ocr/comm"));
    assert_eq!(c.items.len(), 2);
    assert_eq!(c.items[0].text, "春季菜单");
    assert_eq!(c.items[1].pos.left_bottom.y, 250);
    assert_cataloged::<OcrCommon>();
}

#[test]
fn plate_number() {
    assert_post_empty(
        &OcrPlateNumber::url(IMG),
        &format!("{API}/cv/ocr/platenum?access_token=ACCESS_TOKEN&img_url={IMG_ENCODED}"),
    );
    assert_eq!(
        parse::<OcrPlateNumber>(fixture!("cv/ocr/platenum")).number,
        "粤A12345"
    );
    assert_cataloged::<OcrPlateNumber>();
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/ocr");
}
