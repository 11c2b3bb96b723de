//! WeChat Pay v3 on AWS-LC: signing a request (`Authorization`), and a notification verified on
//! its raw body then decrypted (RSA-SHA256 verify + AES-256-GCM + JSON).

use std::hint::black_box;

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::{KeyPair as _, RSA_PKCS1_SHA256};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use criterion::{Criterion, criterion_group, criterion_main};
use wechat_core::Hosts;
use wechat_core::Secret;
use wechat_core::api::pay::v3::crypto::{answer_message, encrypt_aes_gcm};
use wechat_core::api::pay::v3::transactions::{QueryByOutTradeNo, Transaction};
use wechat_core::api::pay::v3::{Merchant, RsaSigningKey};
use wechat_core::auth::{SignContext, Signer};
use wechat_core::endpoint::{Endpoint, build_request};
use wechat_reqwest::pay::{MerchantKey, WechatPayKey};

const APIV3_KEY: &str = "0123456789abcdefghijklmnopqrstuv";
const KEY_ID: &str = "PUB_KEY_ID_0112345678901234567890";

fn bench(c: &mut Criterion) {
    let merchant_key = KeyPair::generate(KeySize::Rsa2048).unwrap();
    let platform = KeyPair::generate(KeySize::Rsa2048).unwrap();
    let pkcs8 = |k: &KeyPair| AsDer::<Pkcs8V1Der>::as_der(k).unwrap().as_ref().to_vec();
    let spki = {
        use aws_lc_rs::encoding::PublicKeyX509Der;
        AsDer::<PublicKeyX509Der>::as_der(platform.public_key())
            .unwrap()
            .as_ref()
            .to_vec()
    };
    let merchant = Merchant::new(
        "1900000109",
        "MERCHANT-SERIAL",
        MerchantKey::from_pkcs8_der(&pkcs8(&merchant_key)).unwrap(),
        Secret::new(APIV3_KEY),
    )
    .with_public_key(KEY_ID, WechatPayKey::from_spki_der(&spki).unwrap());

    let hosts = Hosts::default();
    let query = QueryByOutTradeNo {
        out_trade_no: "1217752501201407033233368018".into(),
        mchid: "1900000109".into(),
    };
    let meta = <QueryByOutTradeNo as Endpoint>::META;
    c.bench_function("pay v3 request signing (RSA-2048)", |b| {
        b.iter(|| {
            let mut request = build_request(&hosts, black_box(&query)).unwrap();
            let context =
                SignContext::new(meta, 1_700_000_000_000, "593BEC0C930BF1AFEB40B4A08C8FB242");
            futures::executor::block_on(merchant.sign(&mut request, context)).unwrap();
            black_box(request)
        })
    });

    let resource = r#"{"mchid":"1900000109","appid":"wxd678efh567hg6787","out_trade_no":"1217752501201407033233368018","transaction_id":"1217752501201407033233368018","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC","attach":"","success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}"#.as_bytes();
    let ciphertext = encrypt_aes_gcm(
        &Secret::new(APIV3_KEY),
        "fdasflkja484",
        "transaction",
        resource,
    )
    .unwrap();
    let body = serde_json::json!({
        "id": "EV-2018022511223320873",
        "create_time": "2015-05-20T13:29:35+08:00",
        "resource_type": "encrypt-resource",
        "event_type": "TRANSACTION.SUCCESS",
        "summary": "支付成功",
        "resource": {
            "original_type": "transaction",
            "algorithm": "AEAD_AES_256_GCM",
            "ciphertext": ciphertext,
            "associated_data": "transaction",
            "nonce": "fdasflkja484"
        }
    })
    .to_string()
    .into_bytes();
    let now = 1_700_000_000u64;
    let mut signature = vec![0; platform.public_modulus_len()];
    platform
        .sign(
            &RSA_PKCS1_SHA256,
            &SystemRandom::new(),
            &answer_message(&now.to_string(), "nonce", &body),
            &mut signature,
        )
        .unwrap();
    let mut headers = http::HeaderMap::new();
    headers.insert("Wechatpay-Serial", KEY_ID.parse().unwrap());
    headers.insert("Wechatpay-Timestamp", now.to_string().parse().unwrap());
    headers.insert("Wechatpay-Nonce", "nonce".parse().unwrap());
    headers.insert(
        "Wechatpay-Signature",
        STANDARD.encode(&signature).parse().unwrap(),
    );
    c.bench_function("pay v3 notification verify + decrypt", |b| {
        b.iter(|| {
            let n = futures::executor::block_on(merchant.notification(
                black_box(&headers),
                black_box(&body),
                now,
            ))
            .unwrap();
            black_box(n.decrypt::<Transaction>(&merchant).unwrap())
        })
    });

    // The RSA operations alone, for scale.
    let key = MerchantKey::from_pkcs8_der(&pkcs8(&merchant_key)).unwrap();
    c.bench_function("RSA-2048 PKCS#1 v1.5 SHA-256 sign (AWS-LC)", |b| {
        b.iter(|| futures::executor::block_on(key.sign_sha256(black_box(b"message"))).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
