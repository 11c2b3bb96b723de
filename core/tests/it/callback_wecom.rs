//! The official WeCom sample (加解密方案说明 and the WXBizMsgCrypt sample programs):
//! token `QDG6eK`, EncodingAESKey `jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C`, receiver id
//! `wx5823bf96d3bd56c7`, with the document's msg_signature, timestamp, nonce, echostr and
//! encrypted body.

use wechat_core::Secret;
use wechat_core::callback::{
    CallbackError, CallbackHandler, Incoming, Message, MessageCrypto, Platform, Reply,
};

const TOKEN: &str = "QDG6eK";
const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP_ID: &str = "wx5823bf96d3bd56c7";

const VERIFY_SIGNATURE: &str = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
const VERIFY_TIMESTAMP: &str = "1409659589";
const VERIFY_NONCE: &str = "263014780";
const VERIFY_ECHOSTR: &str =
    "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
const VERIFY_ECHOSTR_URL: &str = "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";

const MSG_SIGNATURE: &str = "477715d11cdb4164915debcba66cb864d751f3e6";
const MSG_TIMESTAMP: &str = "1409659813";
const MSG_NONCE: &str = "1372623149";
const MSG_BODY: &str = include_str!("../fixtures/callback/wecom_sample_encrypted.xml");

fn crypto() -> MessageCrypto {
    MessageCrypto::new(Secret::new(TOKEN), AES_KEY, CORP_ID).unwrap()
}

fn handler() -> CallbackHandler {
    CallbackHandler::new(Platform::WeCom, Secret::new(TOKEN))
        .with_aes_key(AES_KEY, CORP_ID)
        .unwrap()
}

fn sample_encrypt() -> &'static str {
    let start = MSG_BODY.find("<![CDATA[R").unwrap() + "<![CDATA[".len();
    let end = start + MSG_BODY[start..].find("]]>").unwrap();
    &MSG_BODY[start..end]
}

#[test]
fn official_url_verification_vector() {
    let echo = crypto()
        .verify_url(
            VERIFY_SIGNATURE,
            VERIFY_TIMESTAMP,
            VERIFY_NONCE,
            VERIFY_ECHOSTR,
        )
        .unwrap();
    assert_eq!(echo, "1616140317555161061");
}

#[test]
fn official_url_verification_through_the_handler() {
    let uri = format!(
        "/cgi-bin/wxpush?msg_signature={VERIFY_SIGNATURE}&timestamp={VERIFY_TIMESTAMP}\
         &nonce={VERIFY_NONCE}&echostr={VERIFY_ECHOSTR_URL}"
    );
    let req = http::Request::get(uri).body(Vec::new()).unwrap();
    let Incoming::UrlVerification(resp) = handler().handle(&req, 1409659589).unwrap() else {
        panic!("expected a URL verification");
    };
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.body(), b"1616140317555161061");
}

#[test]
fn official_url_verification_rejects_a_wrong_signature() {
    let err = crypto()
        .verify_url(
            "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4",
            VERIFY_TIMESTAMP,
            VERIFY_NONCE,
            VERIFY_ECHOSTR,
        )
        .unwrap_err();
    assert_eq!(err, CallbackError::SignatureMismatch);
}

#[test]
fn official_message_vector_signature_and_decryption() {
    let c = crypto();
    assert_eq!(
        c.signature(MSG_TIMESTAMP, MSG_NONCE, sample_encrypt()),
        MSG_SIGNATURE
    );
    c.verify_signature(MSG_SIGNATURE, MSG_TIMESTAMP, MSG_NONCE, sample_encrypt())
        .unwrap();
    let plain = c.decrypt_to_string(sample_encrypt()).unwrap();
    assert!(plain.starts_with("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"));
    assert!(plain.contains("<Content><![CDATA[hello]]></Content>"));
}

#[test]
fn official_message_through_the_handler() {
    let uri = format!(
        "/cgi-bin/wxpush?msg_signature={MSG_SIGNATURE}&timestamp={MSG_TIMESTAMP}&nonce={MSG_NONCE}"
    );
    let req = http::Request::post(uri).body(MSG_BODY.as_bytes()).unwrap();
    let h = handler().timestamp_window(300);
    let Incoming::Message(received) = h.handle(&req, 1409659813 + 10).unwrap() else {
        panic!("expected a message");
    };
    let Message::Text(text) = &received.message else {
        panic!("expected text, got {:?}", received.message);
    };
    assert_eq!(text.to_user_name, CORP_ID);
    assert_eq!(text.from_user_name, "mycreate");
    assert_eq!(text.create_time, 1409659813);
    assert_eq!(text.content, "hello");
    assert_eq!(text.msg_id, 4561255354251345929);
    assert_eq!(text.agent_id, Some(218));
    assert_eq!(
        received.dedup_key(),
        "msg:wx5823bf96d3bd56c7:4561255354251345929"
    );
    assert_eq!(received.reply.receiver_id(), Some(CORP_ID));

    // The JSON the CLI prints keeps the 64-bit id exact.
    let json = serde_json::to_value(&received.message).unwrap();
    assert_eq!(json["MsgId"], "4561255354251345929");
    assert_eq!(json["MsgType"], "text");

    // Reply: encrypted with fresh random bytes, signed with the request's timestamp and nonce.
    let resp = received
        .reply
        .reply(&Reply::text("this is a test"), 1409659900, [9; 16]);
    assert_eq!(resp.status(), 200);
    let body = std::str::from_utf8(resp.body()).unwrap();
    assert!(body.contains(&format!("<TimeStamp>{MSG_TIMESTAMP}</TimeStamp>")));
    assert!(body.contains(&format!("<Nonce><![CDATA[{MSG_NONCE}]]></Nonce>")));
    let field = |name: &str| {
        let open = format!("<{name}><![CDATA[");
        let start = body.find(&open).unwrap() + open.len();
        let end = start + body[start..].find("]]>").unwrap();
        body[start..end].to_owned()
    };
    let encrypt = field("Encrypt");
    let c = crypto();
    c.verify_signature(&field("MsgSignature"), MSG_TIMESTAMP, MSG_NONCE, &encrypt)
        .unwrap();
    let plain = c.decrypt(&encrypt).unwrap();
    let parsed = Reply::parse(&plain).unwrap();
    assert_eq!(parsed.to_user_name, "mycreate");
    assert_eq!(parsed.from_user_name, CORP_ID);
    assert_eq!(parsed.create_time, 1409659900);
    assert_eq!(parsed.reply, Reply::text("this is a test"));
}

#[test]
fn encryption_reproduces_the_official_ciphertext() {
    // Decrypting the official echostr reveals its random prefix; encrypting the same
    // plaintext with the same 16 bytes must give the official ciphertext bit for bit.
    let c = crypto();
    let raw = base64_simd::STANDARD.decode_to_vec(VERIFY_ECHOSTR).unwrap();
    // Recover the random prefix with a raw AES-256-CBC decryption.
    use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding};
    // The EncodingAESKey has non-canonical trailing bits: forgiving base64 ignores them.
    let key = base64_simd::forgiving_decode_to_vec(AES_KEY.as_bytes()).unwrap();
    let mut buf = raw.clone();
    let plain = cbc::Decryptor::<aes::Aes256>::new_from_slices(&key, &key[..16])
        .unwrap()
        .decrypt_padded_mut::<NoPadding>(&mut buf)
        .unwrap();
    let mut random = [0u8; 16];
    random.copy_from_slice(&plain[..16]);
    assert_eq!(c.encrypt(b"1616140317555161061", random), VERIFY_ECHOSTR);
}

#[test]
fn wrong_receiver_id_is_refused() {
    let other = MessageCrypto::new(Secret::new(TOKEN), AES_KEY, "wwsomeoneelse").unwrap();
    assert_eq!(
        other.decrypt(sample_encrypt()).unwrap_err(),
        CallbackError::ReceiverIdMismatch
    );
    let any = other.accept_any_receiver_id();
    assert!(any.decrypt(sample_encrypt()).is_ok());
}

#[test]
fn previous_key_is_accepted_during_rotation_and_replies_use_it() {
    let new_key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    let h = CallbackHandler::new(Platform::WeCom, Secret::new(TOKEN))
        .with_aes_key(new_key, CORP_ID)
        .unwrap();
    let uri = format!(
        "/cgi-bin/wxpush?msg_signature={MSG_SIGNATURE}&timestamp={MSG_TIMESTAMP}&nonce={MSG_NONCE}"
    );
    let req = http::Request::post(uri).body(MSG_BODY.as_bytes()).unwrap();
    assert!(
        h.handle(&req, 0).is_err(),
        "the new key alone cannot open it"
    );
    let h = h.with_previous_aes_key(AES_KEY).unwrap();
    let Incoming::Message(received) = h.handle(&req, 0).unwrap() else {
        panic!()
    };
    let resp = received.reply.reply(&Reply::text("ok"), 1, [1; 16]);
    let body = std::str::from_utf8(resp.body()).unwrap();
    let start = body.find("<Encrypt><![CDATA[").unwrap() + 18;
    let end = start + body[start..].find("]]>").unwrap();
    // Sealed with the old key, which WeChat still uses.
    assert!(crypto().decrypt(&body[start..end]).is_ok());
}

#[test]
fn tampered_requests_are_refused() {
    let h = handler();
    let ok = format!("msg_signature={MSG_SIGNATURE}&timestamp={MSG_TIMESTAMP}&nonce={MSG_NONCE}");
    let cases = [
        (
            format!("msg_signature={MSG_SIGNATURE}&timestamp=1409659814&nonce={MSG_NONCE}"),
            MSG_BODY.to_owned(),
            CallbackError::SignatureMismatch,
        ),
        (
            format!("timestamp={MSG_TIMESTAMP}&nonce={MSG_NONCE}"),
            MSG_BODY.to_owned(),
            CallbackError::MissingParameter("msg_signature"),
        ),
        (
            ok.clone(),
            MSG_BODY.replace("RypEv", "RypEw"),
            CallbackError::SignatureMismatch,
        ),
        (
            ok.clone(),
            "<xml><ToUserName>x</ToUserName></xml>".to_owned(),
            CallbackError::MissingEncrypt,
        ),
    ];
    for (query, body, expected) in cases {
        let req = http::Request::post(format!("/?{query}"))
            .body(body)
            .unwrap();
        assert_eq!(h.handle(&req, 0).unwrap_err(), expected, "{query}");
    }
    let req = http::Request::post(format!("/?{ok}"))
        .body(MSG_BODY)
        .unwrap();
    let err = handler()
        .timestamp_window(60)
        .handle(&req, 1409659813 + 61)
        .unwrap_err();
    assert!(matches!(err, CallbackError::StaleTimestamp { .. }));
    let err = handler().max_body_bytes(100).handle(&req, 0).unwrap_err();
    assert!(matches!(err, CallbackError::BodyTooLarge { .. }));
    let req = http::Request::put(format!("/?{ok}"))
        .body(MSG_BODY)
        .unwrap();
    assert_eq!(
        h.handle(&req, 0).unwrap_err(),
        CallbackError::MethodNotAllowed
    );
}

#[test]
fn envelope_variants_are_read() {
    let h = handler();
    let uri = format!(
        "/cgi-bin/wxpush?msg_signature={MSG_SIGNATURE}&timestamp={MSG_TIMESTAMP}&nonce={MSG_NONCE}"
    );
    let encrypt = sample_encrypt();
    for body in [
        // Plain text instead of CDATA.
        format!("<xml><Encrypt>{encrypt}</Encrypt></xml>"),
        // A declaration, a comment and nesting before it (the general parser's path).
        format!(
            "<?xml version=\"1.0\"?><xml><!-- c --><Meta><A>1</A></Meta>\n\
             <Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID>218</AgentID></xml>"
        ),
        // WeCom bots send JSON with a lowercase key.
        format!("{{\"encrypt\":\"{encrypt}\"}}"),
    ] {
        let req = http::Request::post(uri.as_str())
            .body(body.clone())
            .unwrap();
        let Incoming::Message(r) = h.handle(&req, 0).unwrap_or_else(|e| panic!("{e}: {body}"))
        else {
            panic!()
        };
        assert!(matches!(r.message, Message::Text(_)));
    }
}

// ---- customer contact pushes (客户联系 回调, document 92130) and customer service ----

mod customer_contact_pushes {
    use wechat_core::callback::{Event, Message};

    fn external(change_type: &str, body: &str) -> String {
        format!(
            "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
             <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
             <Event><![CDATA[change_external_contact]]></Event>\
             <ChangeType><![CDATA[{change_type}]]></ChangeType>{body}</xml>"
        )
    }

    fn parse(xml: &str) -> Message {
        let m = Message::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}: {xml}"));
        // Written back as XML, the push reads the same.
        let again = Message::parse(m.to_xml().as_bytes()).unwrap();
        assert_eq!(again, m, "{}", m.to_xml());
        m
    }

    fn contact(xml: &str) -> wechat_core::callback::ExternalContactEvent {
        let Message::Event(Event::ExternalContact(e)) = parse(xml) else {
            panic!("not change_external_contact: {xml}")
        };
        assert_eq!(e.to_user_name, "toUser");
        assert_eq!(e.from_user_name, "sys");
        assert_eq!(e.create_time, 1403610513);
        e
    }

    #[test]
    fn add_external_contact() {
        let e = contact(&external(
            "add_external_contact",
            "<UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>\
             <State><![CDATA[teststate]]></State>\
             <WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>",
        ));
        assert_eq!(e.change_type, "add_external_contact");
        assert_eq!(e.user_id.as_deref(), Some("zhangsan"));
        assert_eq!(
            e.external_user_id.as_deref(),
            Some("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA")
        );
        assert_eq!(e.state.as_deref(), Some("teststate"));
        assert_eq!(e.welcome_code.as_deref(), Some("WELCOMECODE"));
    }

    #[test]
    fn edit_external_contact() {
        let e = contact(&external(
            "edit_external_contact",
            "<UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>",
        ));
        assert_eq!(e.change_type, "edit_external_contact");
        assert_eq!(e.user_id.as_deref(), Some("zhangsan"));
        assert_eq!(e.welcome_code, None);
    }

    #[test]
    fn add_half_external_contact() {
        let e = contact(&external(
            "add_half_external_contact",
            "<UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>\
             <State><![CDATA[teststate]]></State>\
             <WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>",
        ));
        assert_eq!(e.change_type, "add_half_external_contact");
        assert_eq!(e.state.as_deref(), Some("teststate"));
        assert_eq!(e.welcome_code.as_deref(), Some("WELCOMECODE"));
    }

    #[test]
    fn del_external_contact() {
        let e = contact(&external(
            "del_external_contact",
            "<UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>\
             <Source><![CDATA[DELETE_BY_TRANSFER]]></Source>",
        ));
        assert_eq!(e.change_type, "del_external_contact");
        assert_eq!(e.source.as_deref(), Some("DELETE_BY_TRANSFER"));
    }

    #[test]
    fn del_follow_user() {
        let e = contact(&external(
            "del_follow_user",
            "<UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>",
        ));
        assert_eq!(e.change_type, "del_follow_user");
        assert_eq!(
            e.external_user_id.as_deref(),
            Some("woAJ2GCAAAXtWyujaWJHDDGi0mAAAA")
        );
    }

    #[test]
    fn transfer_fail() {
        let e = contact(&external(
            "transfer_fail",
            "<FailReason><![CDATA[customer_refused]]></FailReason>\
             <UserID><![CDATA[zhangsan]]></UserID>\
             <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>",
        ));
        assert_eq!(e.change_type, "transfer_fail");
        assert_eq!(e.fail_reason.as_deref(), Some("customer_refused"));
    }

    fn chat(body: &str) -> wechat_core::callback::ExternalChatEvent {
        let xml = format!(
            "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
             <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
             <Event><![CDATA[change_external_chat]]></Event>\
             <ChatId><![CDATA[CHAT_ID]]></ChatId>{body}</xml>"
        );
        let Message::Event(Event::ExternalChat(c)) = parse(&xml) else {
            panic!("not change_external_chat: {xml}")
        };
        assert_eq!(c.chat_id, "CHAT_ID");
        c
    }

    #[test]
    fn external_chat_create_and_dismiss() {
        let c = chat("<ChangeType><![CDATA[create]]></ChangeType>");
        assert_eq!(c.change_type, "create");
        assert_eq!(c.update_detail, None);
        let c = chat("<ChangeType><![CDATA[dismiss]]></ChangeType>");
        assert_eq!(c.change_type, "dismiss");
    }

    #[test]
    fn external_chat_update() {
        let c = chat(
            "<ChangeType><![CDATA[update]]></ChangeType>\
             <UpdateDetail><![CDATA[add_member]]></UpdateDetail>\
             <JoinScene>1</JoinScene>\
             <QuitScene>0</QuitScene>\
             <MemChangeCnt>10</MemChangeCnt>\
             <MemChangeList><Item>Jack</Item><Item>Rose</Item></MemChangeList>\
             <LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer>\
             <CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>",
        );
        assert_eq!(c.change_type, "update");
        assert_eq!(c.update_detail.as_deref(), Some("add_member"));
        assert_eq!(c.join_scene, Some(1));
        assert_eq!(c.quit_scene, Some(0));
        assert_eq!(c.mem_change_cnt, Some(10));
        assert_eq!(c.mem_change_list, ["Jack", "Rose"]);
        assert_eq!(
            c.last_mem_ver.as_deref(),
            Some("9c3f97c2ada667dfb5f6d03308d963e1")
        );
        assert_eq!(
            c.cur_mem_ver.as_deref(),
            Some("71217227bbd112ecfe3a49c482195cb4")
        );
        // One member, and other details without a member list.
        let c = chat(
            "<ChangeType><![CDATA[update]]></ChangeType>\
             <UpdateDetail><![CDATA[del_member]]></UpdateDetail>\
             <QuitScene>1</QuitScene><MemChangeCnt>1</MemChangeCnt>\
             <MemChangeList><Item>Jack</Item></MemChangeList>",
        );
        assert_eq!(c.mem_change_list, ["Jack"]);
        let c = chat(
            "<ChangeType><![CDATA[update]]></ChangeType>\
             <UpdateDetail><![CDATA[change_name]]></UpdateDetail>",
        );
        assert!(c.mem_change_list.is_empty());
    }

    fn tag(body: &str) -> wechat_core::callback::ExternalTagEvent {
        let xml = format!(
            "<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
             <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>\
             <Event><![CDATA[change_external_tag]]></Event>{body}</xml>"
        );
        let Message::Event(Event::ExternalTag(t)) = parse(&xml) else {
            panic!("not change_external_tag: {xml}")
        };
        t
    }

    #[test]
    fn external_tag_create_update_delete() {
        for change in ["create", "update", "delete"] {
            let t = tag(&format!(
                "<Id><![CDATA[TAG_ID]]></Id><TagType><![CDATA[tag]]></TagType>\
                 <ChangeType><![CDATA[{change}]]></ChangeType><StrategyId>1</StrategyId>"
            ));
            assert_eq!(t.change_type, change);
            assert_eq!(t.id.as_deref(), Some("TAG_ID"));
            assert_eq!(t.tag_type.as_deref(), Some("tag"));
            assert_eq!(t.strategy_id, Some(1));
        }
        let t = tag(
            "<Id><![CDATA[GROUP_ID]]></Id><TagType><![CDATA[tag_group]]></TagType>\
             <ChangeType><![CDATA[delete]]></ChangeType>",
        );
        assert_eq!(t.tag_type.as_deref(), Some("tag_group"));
        assert_eq!(t.strategy_id, None);
    }

    #[test]
    fn external_tag_shuffle() {
        let t = tag(
            "<Id><![CDATA[GROUP_ID]]></Id><ChangeType><![CDATA[shuffle]]></ChangeType>\
             <StrategyId>1</StrategyId>",
        );
        assert_eq!(t.change_type, "shuffle");
        assert_eq!(t.id.as_deref(), Some("GROUP_ID"));
        assert_eq!(t.tag_type, None);
        assert_eq!(t.strategy_id, Some(1));
    }

    #[test]
    fn kf_msg_or_event() {
        // Customer service pushes carry no FromUserName.
        let xml = "<xml>\
            <ToUserName><![CDATA[ww12345678910]]></ToUserName>\
            <CreateTime>1348831860</CreateTime>\
            <MsgType><![CDATA[event]]></MsgType>\
            <Event><![CDATA[kf_msg_or_event]]></Event>\
            <Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>\
            <OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>\
            </xml>";
        let Message::Event(Event::KfMsgOrEvent(k)) = parse(xml) else {
            panic!()
        };
        assert_eq!(k.to_user_name, "ww12345678910");
        assert_eq!(k.create_time, 1348831860);
        assert_eq!(k.token, "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR");
        assert_eq!(k.open_kf_id, "wkxxxxxxx");
    }
}
