//! The other side of the pipeline: pushes as WeChat sends them, and the reading of a bot's answer.
//! For emulators, bot tests and the CLI's `callback simulate`.

use http::header::CONTENT_TYPE;

use super::crypto::{MessageCrypto, sha1_signature};
use super::error::CallbackError;
use super::handler::Platform;
use super::xml;
use crate::Secret;

/// Builds the signed (and, with a key, encrypted) push WeChat would send to a callback URL.
#[derive(Debug, Clone)]
pub struct Pusher {
    platform: Platform,
    token: Secret,
    crypto: Option<MessageCrypto>,
}

fn text_field(body: &str, name: &str) -> Result<Option<String>, CallbackError> {
    Ok(xml::parse(body)?.text(name).map(str::to_owned))
}

impl Pusher {
    /// Pushes in plain mode (WeCom always encrypts: add [`Pusher::with_crypto`]).
    pub fn new(platform: Platform, token: Secret) -> Self {
        Self {
            platform,
            token,
            crypto: None,
        }
    }

    /// Pushes encrypted (safe mode), as the receiver configured.
    pub fn with_crypto(mut self, crypto: MessageCrypto) -> Self {
        self.crypto = Some(crypto);
        self
    }

    /// The POST request carrying the plaintext `message` (XML) to `url`: `signature` (Official
    /// Account, Mini Program, Open Platform), and when encrypted `encrypt_type=aes` and
    /// `msg_signature` over the envelope. `random` is fresh for every push; `extra_query` adds what
    /// WeChat adds (`openid`).
    pub fn request(
        &self,
        url: &str,
        message: &[u8],
        timestamp: u64,
        nonce: &str,
        random: [u8; 16],
        extra_query: &[(&str, &str)],
    ) -> Result<http::Request<Vec<u8>>, CallbackError> {
        let wecom = self.platform == Platform::WeCom;
        let ts = timestamp.to_string();
        let mut query: Vec<(&str, String)> =
            vec![("timestamp", ts.clone()), ("nonce", nonce.into())];
        if !wecom {
            query.push((
                "signature",
                sha1_signature(&[self.token.expose(), &ts, nonce]),
            ));
        }
        let body = match &self.crypto {
            None if wecom => return Err(CallbackError::EncryptionRequired),
            None => message.to_vec(),
            Some(crypto) => {
                let text = std::str::from_utf8(message).map_err(|_| CallbackError::InvalidUtf8)?;
                let to = text_field(text, "ToUserName")?.unwrap_or_default();
                let sealed = crypto.seal(message, &ts, nonce, random);
                if !wecom {
                    query.push(("encrypt_type", "aes".into()));
                }
                query.push(("msg_signature", sealed.msg_signature));
                let mut envelope = String::from("<xml>");
                xml::push_cdata_element(&mut envelope, "ToUserName", &to);
                if let Some(agent) = text_field(text, "AgentID")? {
                    xml::push_plain_element(&mut envelope, "AgentID", &agent);
                }
                xml::push_cdata_element(&mut envelope, "Encrypt", &sealed.encrypt);
                envelope.push_str("</xml>");
                envelope.into_bytes()
            }
        };
        let mut target = url.to_owned();
        for (i, (k, v)) in query
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(extra_query.iter().copied())
            .enumerate()
        {
            let sep = if i == 0 && !url.contains('?') {
                '?'
            } else {
                '&'
            };
            target.push(sep);
            target.extend(crate::endpoint::encode_component(k));
            target.push('=');
            target.extend(crate::endpoint::encode_component(v));
        }
        http::Request::post(target)
            .header(CONTENT_TYPE, "text/xml; charset=utf-8")
            .body(body)
            .map_err(|e| CallbackError::Malformed(format!("invalid URL: {e}")))
    }

    /// The plaintext of a bot's answer: an encrypted reply is checked (`MsgSignature`) and
    /// decrypted; `success`, an empty answer and a plain reply come back as they are.
    pub fn read_reply(&self, body: &[u8]) -> Result<Vec<u8>, CallbackError> {
        let text = std::str::from_utf8(body).map_err(|_| CallbackError::InvalidUtf8)?;
        let trimmed = text.trim();
        if trimmed.is_empty()
            || trimmed.eq_ignore_ascii_case("success")
            || !trimmed.starts_with('<')
        {
            return Ok(trimmed.as_bytes().to_vec());
        }
        let Some(encrypt) = text_field(trimmed, "Encrypt")? else {
            return Ok(trimmed.as_bytes().to_vec());
        };
        let crypto = self
            .crypto
            .as_ref()
            .ok_or(CallbackError::EncryptionNotConfigured)?;
        let field = |name: &'static str| {
            text_field(trimmed, name)?.ok_or(CallbackError::MissingParameter(name))
        };
        crypto.verify_signature(
            &field("MsgSignature")?,
            &field("TimeStamp")?,
            &field("Nonce")?,
            &encrypt,
        )?;
        crypto.decrypt(&encrypt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::{CallbackHandler, Incoming, Message, Reply};

    const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    const TEXT: &str = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>";

    fn round_trip(platform: Platform, encrypted: bool) {
        let token = Secret::new("T");
        let mut handler = CallbackHandler::new(platform, token.clone());
        let mut pusher = Pusher::new(platform, token.clone());
        if encrypted {
            handler = handler.with_aes_key(KEY, "wxapp").unwrap();
            pusher = pusher.with_crypto(MessageCrypto::new(token, KEY, "wxapp").unwrap());
        }
        let req = pusher
            .request(
                "http://bot/cb",
                TEXT.as_bytes(),
                1_700_000_000,
                "n1",
                [3; 16],
                &[("openid", "o1")],
            )
            .unwrap();
        assert_eq!(
            req.uri().query().unwrap().contains("encrypt_type=aes"),
            encrypted && platform != Platform::WeCom
        );
        let Incoming::Message(received) = handler.handle(&req, 1_700_000_000).unwrap() else {
            panic!("not a message")
        };
        let Message::Text(t) = &received.message else {
            panic!()
        };
        assert_eq!(t.content, "hi");
        let reply = received
            .reply
            .reply(&Reply::text("back"), 1_700_000_001, [9; 16]);
        let plain = pusher.read_reply(reply.body()).unwrap();
        assert!(String::from_utf8(plain).unwrap().contains("back"));
    }

    #[test]
    fn pushes_round_trip_through_the_handler() {
        round_trip(Platform::OfficialAccount, false);
        round_trip(Platform::OfficialAccount, true);
        round_trip(Platform::WeCom, true);
        assert!(matches!(
            Pusher::new(Platform::WeCom, Secret::new("T")).request(
                "http://b/",
                b"<xml/>",
                1,
                "n",
                [0; 16],
                &[]
            ),
            Err(CallbackError::EncryptionRequired)
        ));
    }

    #[test]
    fn a_forged_reply_is_refused() {
        let token = Secret::new("T");
        let pusher = Pusher::new(Platform::OfficialAccount, token.clone())
            .with_crypto(MessageCrypto::new(token, KEY, "wxapp").unwrap());
        let forged = b"<xml><Encrypt><![CDATA[AAAA]]></Encrypt><MsgSignature><![CDATA[00]]></MsgSignature><TimeStamp>1</TimeStamp><Nonce><![CDATA[n]]></Nonce></xml>";
        assert!(pusher.read_reply(forged).is_err());
        assert_eq!(pusher.read_reply(b" success ").unwrap(), b"success");
    }
}
