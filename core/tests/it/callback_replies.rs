//! Passive replies (every type, XML and JSON, round-tripped) and the handler on every
//! platform and mode: plain, compatible, safe; XML and JSON; URL verification.

use wechat_core::Secret;
use wechat_core::callback::{
    Article, CallbackError, CallbackHandler, ComponentEvent, Event, Incoming, Message,
    MessageCrypto, Platform, Received, Reply, sha1_signature,
};

fn all_replies() -> Vec<Reply> {
    vec![
        Reply::text("你好 <world> & ]]> friends"),
        Reply::Image {
            media_id: "media_id".into(),
        },
        Reply::Voice {
            media_id: "media_id".into(),
        },
        Reply::Video {
            media_id: "media_id".into(),
            title: Some("title".into()),
            description: Some("description".into()),
        },
        Reply::Video {
            media_id: "media_id".into(),
            title: None,
            description: None,
        },
        Reply::Music {
            title: Some("TITLE".into()),
            description: Some("DESCRIPTION".into()),
            music_url: Some("MUSIC_Url".into()),
            hq_music_url: Some("HQ_MUSIC_Url".into()),
            thumb_media_id: "media_id".into(),
        },
        Reply::News {
            articles: vec![
                Article {
                    title: "title1".into(),
                    description: "description1".into(),
                    pic_url: "picurl".into(),
                    url: "url".into(),
                },
                Article {
                    title: "title2".into(),
                    description: "description2".into(),
                    pic_url: "picurl2".into(),
                    url: "url2".into(),
                },
            ],
        },
        Reply::News {
            articles: vec![Article {
                title: "only".into(),
                ..Article::default()
            }],
        },
        Reply::TransferCustomerService { kf_account: None },
        Reply::TransferCustomerService {
            kf_account: Some("test1@test".into()),
        },
        Reply::UpdateButton {
            replace_name: "已处理".into(),
        },
    ]
}

#[test]
fn every_reply_round_trips_as_xml_and_json() {
    for reply in all_replies() {
        for body in [
            reply.to_xml("toUser", "fromUser", 12345678),
            reply.to_json("toUser", "fromUser", 12345678),
        ] {
            let parsed = Reply::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{e}: {body}"));
            assert_eq!(parsed.reply, reply, "{body}");
            assert_eq!(parsed.to_user_name, "toUser");
            assert_eq!(parsed.from_user_name, "fromUser");
            assert_eq!(parsed.create_time, 12345678);
        }
        // The CLI reads replies as JSON.
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    }
    assert_eq!(Reply::parse(b"success").unwrap().reply, Reply::Success);
    assert_eq!(Reply::parse(b"").unwrap().reply, Reply::Empty);
}

#[test]
fn the_text_reply_has_the_documented_shape() {
    assert_eq!(
        Reply::text("你好").to_xml("toUser", "fromUser", 12345678),
        "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]>\
         </FromUserName><CreateTime>12345678</CreateTime><MsgType><![CDATA[text]]></MsgType>\
         <Content><![CDATA[你好]]></Content></xml>"
    );
}

// ---------------------------------------------------------------------------------------------

const TOKEN: &str = "spamtest";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const APPID: &str = "wxb11529c136998cb6";
const TS: &str = "1409304348";
const NONCE: &str = "xxxxxx";

const PLAIN_TEXT: &str = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName>\
    <FromUserName><![CDATA[openid_1]]></FromUserName><CreateTime>1409304348</CreateTime>\
    <MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content>\
    <MsgId>6054768590064713728</MsgId></xml>";

fn signature() -> String {
    sha1_signature(&[TOKEN, TS, NONCE])
}

fn oa(platform: Platform) -> CallbackHandler {
    CallbackHandler::new(platform, Secret::new(TOKEN))
        .with_aes_key(AES_KEY, APPID)
        .unwrap()
}

fn crypto() -> MessageCrypto {
    MessageCrypto::new(Secret::new(TOKEN), AES_KEY, APPID).unwrap()
}

fn received(h: &CallbackHandler, uri: String, body: impl Into<Vec<u8>>) -> Box<Received> {
    let req = http::Request::post(uri).body(body.into()).unwrap();
    match h.handle(&req, 1409304348) {
        Ok(Incoming::Message(r)) => r,
        other => panic!("{other:?}"),
    }
}

#[test]
fn official_account_url_verification_echoes_echostr() {
    let h = CallbackHandler::new(Platform::OfficialAccount, Secret::new(TOKEN));
    let uri = format!(
        "/wx?signature={}&timestamp={TS}&nonce={NONCE}&echostr=5837397520665198437",
        signature()
    );
    let req = http::Request::get(uri).body(Vec::new()).unwrap();
    let Incoming::UrlVerification(resp) = h.handle(&req, 0).unwrap() else {
        panic!()
    };
    assert_eq!(resp.body(), b"5837397520665198437");

    let bad = format!("/wx?signature=0000&timestamp={TS}&nonce={NONCE}&echostr=1");
    let req = http::Request::get(bad).body(Vec::new()).unwrap();
    assert_eq!(
        h.handle(&req, 0).unwrap_err(),
        CallbackError::SignatureMismatch
    );
}

#[test]
fn plain_mode_message_and_plain_reply() {
    let h = CallbackHandler::new(Platform::OfficialAccount, Secret::new(TOKEN));
    let uri = format!(
        "/wx?signature={}&timestamp={TS}&nonce={NONCE}&openid=openid_1",
        signature()
    );
    let r = received(&h, uri, PLAIN_TEXT);
    let Message::Text(t) = &r.message else {
        panic!()
    };
    assert_eq!((t.content.as_str(), t.msg_id), ("hi", 6054768590064713728));
    assert!(!r.reply.is_encrypted());
    let resp = r.reply.reply(&Reply::text("hello"), 1409304400, [0; 16]);
    let parsed = Reply::parse(resp.body()).unwrap();
    assert_eq!(
        (parsed.to_user_name.as_str(), parsed.from_user_name.as_str()),
        ("openid_1", "gh_1")
    );
    assert_eq!(parsed.reply, Reply::text("hello"));
    assert_eq!(
        r.reply.reply(&Reply::Success, 0, [0; 16]).body(),
        b"success"
    );
    assert_eq!(r.reply.reply(&Reply::Empty, 0, [0; 16]).body(), b"");
    assert_eq!(r.raw_fields().unwrap()["Content"], "hi");

    // A missing or wrong plain signature is refused even in plain mode.
    let req = http::Request::post(format!("/wx?timestamp={TS}&nonce={NONCE}"))
        .body(PLAIN_TEXT)
        .unwrap();
    assert_eq!(
        h.handle(&req, 0).unwrap_err(),
        CallbackError::MissingParameter("signature")
    );
    let strict = oa(Platform::OfficialAccount).require_encryption(true);
    let req = http::Request::post(format!(
        "/wx?signature={}&timestamp={TS}&nonce={NONCE}",
        signature()
    ))
    .body(PLAIN_TEXT)
    .unwrap();
    assert_eq!(
        strict.handle(&req, 0).unwrap_err(),
        CallbackError::EncryptionRequired
    );
}

fn sealed_xml(plain: &str, random: [u8; 16]) -> (String, String) {
    let sealed = crypto().seal(plain.as_bytes(), TS, NONCE, random);
    let body = format!(
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[{}]]></Encrypt></xml>",
        sealed.encrypt
    );
    (body, sealed.msg_signature)
}

fn open_reply_xml(body: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(body).unwrap();
    let get = |name: &str| {
        let open = format!("<{name}><![CDATA[");
        let s = text.find(&open).unwrap() + open.len();
        text[s..s + text[s..].find("]]>").unwrap()].to_owned()
    };
    let encrypt = get("Encrypt");
    assert!(text.contains(&format!("<TimeStamp>{TS}</TimeStamp>")));
    assert_eq!(get("Nonce"), NONCE);
    crypto()
        .verify_signature(&get("MsgSignature"), TS, NONCE, &encrypt)
        .unwrap();
    crypto().decrypt(&encrypt).unwrap()
}

#[test]
fn safe_mode_checks_both_signatures_and_encrypts_the_reply() {
    let (body, msg_signature) = sealed_xml(PLAIN_TEXT, [3; 16]);
    let uri = format!(
        "/wx?signature={}&timestamp={TS}&nonce={NONCE}&openid=openid_1&encrypt_type=aes&msg_signature={msg_signature}",
        signature()
    );
    let h = oa(Platform::OfficialAccount);
    let r = received(&h, uri.clone(), body.clone());
    assert!(matches!(r.message, Message::Text(_)));
    assert_eq!(r.raw_body(), PLAIN_TEXT.as_bytes());
    for reply in all_replies() {
        let resp = r.reply.reply(&reply, 1409304400, [4; 16]);
        let parsed = Reply::parse(&open_reply_xml(resp.body())).unwrap();
        assert_eq!(parsed.reply, reply);
        assert_eq!(parsed.to_user_name, "openid_1");
    }

    // The plain signature is checked too.
    let bad_plain = uri.replace(&signature(), &"0".repeat(40));
    let req = http::Request::post(bad_plain).body(body.clone()).unwrap();
    assert_eq!(
        h.handle(&req, 0).unwrap_err(),
        CallbackError::SignatureMismatch
    );
    // So is msg_signature.
    let bad_msg = uri.replace(&msg_signature, &"0".repeat(40));
    let req = http::Request::post(bad_msg).body(body.clone()).unwrap();
    assert_eq!(
        h.handle(&req, 0).unwrap_err(),
        CallbackError::SignatureMismatch
    );
    // Without a key the encrypted push cannot be read.
    let keyless = CallbackHandler::new(Platform::OfficialAccount, Secret::new(TOKEN));
    let req = http::Request::post(uri).body(body).unwrap();
    assert_eq!(
        keyless.handle(&req, 0).unwrap_err(),
        CallbackError::EncryptionNotConfigured
    );
}

#[test]
fn compatible_mode_body_carries_both() {
    let sealed = crypto().seal(PLAIN_TEXT.as_bytes(), TS, NONCE, [5; 16]);
    let body = PLAIN_TEXT.replace(
        "</xml>",
        &format!("<Encrypt><![CDATA[{}]]></Encrypt></xml>", sealed.encrypt),
    );
    let uri = format!(
        "/wx?signature={}&timestamp={TS}&nonce={NONCE}&encrypt_type=aes&msg_signature={}",
        signature(),
        sealed.msg_signature
    );
    let r = received(&oa(Platform::OfficialAccount), uri, body);
    assert!(r.reply.is_encrypted());
    assert!(matches!(r.message, Message::Text(_)));
}

#[test]
fn mini_program_json_safe_mode() {
    let plain = r#"{"ToUserName":"gh_mp","FromUserName":"openid_2","CreateTime":1409304348,"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"from"}"#;
    let sealed = crypto().seal(plain.as_bytes(), TS, NONCE, [6; 16]);
    let body = format!(r#"{{"ToUserName":"gh_mp","Encrypt":"{}"}}"#, sealed.encrypt);
    let uri = format!(
        "/mp?signature={}&timestamp={TS}&nonce={NONCE}&encrypt_type=aes&msg_signature={}",
        signature(),
        sealed.msg_signature
    );
    let r = received(&oa(Platform::MiniProgram), uri, body);
    let Message::Event(Event::UserEnterTempSession(e)) = &r.message else {
        panic!()
    };
    assert_eq!(e.session_from.as_deref(), Some("from"));
    let resp = r.reply.reply(
        &Reply::TransferCustomerService { kf_account: None },
        1,
        [7; 16],
    );
    let envelope: serde_json::Value = serde_json::from_slice(resp.body()).unwrap();
    assert_eq!(envelope["TimeStamp"], 1409304348);
    let encrypt = envelope["Encrypt"].as_str().unwrap();
    crypto()
        .verify_signature(
            envelope["MsgSignature"].as_str().unwrap(),
            TS,
            NONCE,
            encrypt,
        )
        .unwrap();
    let parsed = Reply::parse(&crypto().decrypt(encrypt).unwrap()).unwrap();
    assert_eq!(
        parsed.reply,
        Reply::TransferCustomerService { kf_account: None }
    );
    assert_eq!(parsed.to_user_name, "openid_2");
}

#[test]
fn open_platform_ticket_push_is_answered_with_success() {
    let plain = "<xml><AppId><![CDATA[wx_component]]></AppId><CreateTime>1413192605</CreateTime>\
        <InfoType><![CDATA[component_verify_ticket]]></InfoType>\
        <ComponentVerifyTicket><![CDATA[ticket@@@secret]]></ComponentVerifyTicket></xml>";
    let c = MessageCrypto::new(Secret::new(TOKEN), AES_KEY, "wx_component").unwrap();
    let sealed = c.seal(plain.as_bytes(), TS, NONCE, [8; 16]);
    let body = format!(
        "<xml><AppId><![CDATA[wx_component]]></AppId><Encrypt><![CDATA[{}]]></Encrypt></xml>",
        sealed.encrypt
    );
    let uri = format!(
        "/open?signature={}&timestamp={TS}&nonce={NONCE}&encrypt_type=aes&msg_signature={}",
        signature(),
        sealed.msg_signature
    );
    let h = CallbackHandler::new(Platform::OpenPlatform, Secret::new(TOKEN))
        .with_aes_key(AES_KEY, "wx_component")
        .unwrap();
    let r = received(&h, uri, body);
    let Message::Component(ComponentEvent::VerifyTicket(t)) = &r.message else {
        panic!()
    };
    assert_eq!(t.component_verify_ticket.expose(), "ticket@@@secret");
    // Nobody to talk to: any reply becomes `success`.
    assert_eq!(
        r.reply.reply(&Reply::text("x"), 0, [0; 16]).body(),
        b"success"
    );
}

#[test]
fn any_receiver_mode_exposes_the_receiver_and_replies_to_it() {
    let plain = PLAIN_TEXT;
    let corp = MessageCrypto::new(Secret::new(TOKEN), AES_KEY, "ww_corp_a").unwrap();
    let sealed = corp.seal(plain.as_bytes(), TS, NONCE, [1; 16]);
    let body = format!(
        "<xml><Encrypt><![CDATA[{}]]></Encrypt></xml>",
        sealed.encrypt
    );
    let h = CallbackHandler::new(Platform::WeCom, Secret::new("ignored")).with_crypto(
        MessageCrypto::new(Secret::new(TOKEN), AES_KEY, "suite")
            .unwrap()
            .accept_any_receiver_id(),
    );
    let uri = format!(
        "/?msg_signature={}&timestamp={TS}&nonce={NONCE}",
        sealed.msg_signature
    );
    let r = received(&h, uri, body);
    assert_eq!(r.reply.receiver_id(), Some("ww_corp_a"));
    let resp = r.reply.reply(&Reply::text("ok"), 1, [2; 16]);
    let text = std::str::from_utf8(resp.body()).unwrap();
    let s = text.find("<Encrypt><![CDATA[").unwrap() + 18;
    let encrypt = &text[s..s + text[s..].find("]]>").unwrap()];
    assert!(
        corp.decrypt(encrypt).is_ok(),
        "sealed for the request's receiver"
    );
}

#[test]
fn mini_program_encrypted_data_official_sample() {
    use wechat_core::callback::mini_program::{decrypt_encrypted_data, encrypt_data};
    let session_key = "tiihtNczf5v6AKRyjwEUhQ==";
    let iv = "r7BXXKkLb8qrSNn05n0qiA==";
    let data = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";
    let v = decrypt_encrypted_data(session_key, data, iv, "wx4f4bc4dec97d474b").unwrap();
    assert_eq!(v["openId"], "oGZUI0egBJY1zhBYw2KhdUfwVJJE");
    assert_eq!(v["nickName"], "Band");
    assert_eq!(v["watermark"]["timestamp"], 1477314187);
    assert_eq!(
        decrypt_encrypted_data(session_key, data, iv, "wx0000000000000000").unwrap_err(),
        CallbackError::WatermarkMismatch
    );
    // Round trip through our own encryption.
    let plain = serde_json::to_vec(&v).unwrap();
    let again = encrypt_data(session_key, iv, &plain).unwrap();
    assert_eq!(
        decrypt_encrypted_data(session_key, &again, iv, "wx4f4bc4dec97d474b").unwrap(),
        v
    );
    assert!(decrypt_encrypted_data("short", data, iv, "x").is_err());
    assert!(decrypt_encrypted_data(session_key, "!!!", iv, "x").is_err());
}
