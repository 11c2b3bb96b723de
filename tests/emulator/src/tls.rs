//! The HTTPS listener, for WeChat Pay v2's client-certificate calls (refunds, red packets,
//! transfers). Started by [`EmulatorBuilder::https`](crate::EmulatorBuilder::https).
//!
//! At start the emulator makes a certificate authority of its own, a server certificate for
//! `127.0.0.1` and `localhost`, and one client certificate per v2 merchant, its common name the
//! merchant id, as WeChat Pay issues `apiclient_cert.pem`. A client trusts
//! [`Controller::https_root_pem`](crate::Controller::https_root_pem) and presents
//! [`Controller::pay_client_certificate`](crate::Controller::pay_client_certificate).

use std::collections::HashMap;
use std::io;
use std::sync::Arc;

use axum::Router;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair,
};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::server::WebPkiClientVerifier;
use tokio_rustls::rustls::{RootCertStore, ServerConfig, crypto};

/// A merchant's client certificate and private key, PEM.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientCertificate {
    /// `apiclient_cert.pem`: the certificate, its common name the merchant id.
    pub cert_pem: String,
    /// `apiclient_key.pem`: the PKCS#8 private key.
    pub key_pem: String,
}

impl std::fmt::Debug for ClientCertificate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientCertificate")
            .field("cert_pem", &self.cert_pem)
            .field("key_pem", &"<redacted>")
            .finish()
    }
}

/// What a request showed of a client certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Peer {
    /// Plain HTTP on an emulator without HTTPS: certificates are not checked.
    Unchecked,
    /// Plain HTTP beside an HTTPS listener, or HTTPS without a certificate.
    Anonymous,
    /// HTTPS with the client certificate of this merchant.
    Merchant(String),
}

impl Peer {
    /// `None` if a call needing the certificate of `mch_id` may go on, else why not.
    pub(crate) fn refuses(&self, mch_id: &str) -> Option<&'static str> {
        match self {
            Peer::Unchecked => None,
            Peer::Anonymous => Some("证书错误: 请求需要商户API证书 (client certificate required)"),
            Peer::Merchant(m) if m == mch_id => None,
            Peer::Merchant(_) => {
                Some("证书错误: 证书与商户号不符 (certificate of another merchant)")
            }
        }
    }
}

/// The emulator's certificates.
pub(crate) struct Tls {
    root_pem: String,
    config: Arc<ServerConfig>,
    clients: HashMap<String, ClientCertificate>,
    by_der: HashMap<Vec<u8>, String>,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("merchants", &self.clients.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

fn tls_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("emulator certificates: {e}"))
}

impl Tls {
    /// A new authority, the server certificate, and a client certificate per merchant id.
    pub(crate) fn new<'a>(merchants: impl IntoIterator<Item = &'a str>) -> io::Result<Tls> {
        let provider = Arc::new(crypto::aws_lc_rs::default_provider());
        let mut ca_params = CertificateParams::default();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name = name("WeChat emulator CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(tls_error)?)
            .map_err(tls_error)?;

        let server_key = KeyPair::generate().map_err(tls_error)?;
        let mut server_params =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .map_err(tls_error)?;
        server_params.distinguished_name = name("api.mch.weixin.qq.com");
        let server_cert = server_params
            .signed_by(&server_key, &ca)
            .map_err(tls_error)?;

        let mut clients = HashMap::new();
        let mut by_der = HashMap::new();
        for mch_id in merchants {
            let key = KeyPair::generate().map_err(tls_error)?;
            let mut params = CertificateParams::default();
            params.distinguished_name = name(mch_id);
            params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
            let cert = params.signed_by(&key, &ca).map_err(tls_error)?;
            by_der.insert(cert.der().to_vec(), mch_id.to_owned());
            clients.insert(
                mch_id.to_owned(),
                ClientCertificate {
                    cert_pem: cert.pem(),
                    key_pem: key.serialize_pem(),
                },
            );
        }

        let mut roots = RootCertStore::empty();
        roots.add(ca.der().clone()).map_err(tls_error)?;
        let verifier =
            WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .allow_unauthenticated()
                .build()
                .map_err(tls_error)?;
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(tls_error)?
            .with_client_cert_verifier(verifier)
            .with_single_cert(
                vec![
                    server_cert.der().clone(),
                    CertificateDer::from(ca.der().to_vec()),
                ],
                key,
            )
            .map_err(tls_error)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            root_pem: ca.pem(),
            config: Arc::new(config),
            clients,
            by_der,
        })
    }

    pub(crate) fn root_pem(&self) -> &str {
        &self.root_pem
    }

    pub(crate) fn client(&self, mch_id: &str) -> Option<&ClientCertificate> {
        self.clients.get(mch_id)
    }

    /// Accepts connections until the task is aborted; each request carries its [`Peer`].
    pub(crate) async fn serve(self: Arc<Self>, listener: TcpListener, app: Router) {
        let acceptor = TlsAcceptor::from(Arc::clone(&self.config));
        loop {
            let tcp = match listener.accept().await {
                Ok((tcp, _)) => tcp,
                Err(_) => {
                    // Out of descriptors and the like: wait rather than spin.
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            };
            let acceptor = acceptor.clone();
            let tls = Arc::clone(&self);
            let app = app.clone();
            tokio::spawn(async move {
                let Ok(stream) = acceptor.accept(tcp).await else {
                    return;
                };
                let peer = stream
                    .get_ref()
                    .1
                    .peer_certificates()
                    .and_then(|chain| chain.first())
                    .and_then(|der| tls.by_der.get(der.as_ref()))
                    .map_or(Peer::Anonymous, |m| Peer::Merchant(m.clone()));
                let service = TowerToHyperService::new(app.layer(axum::Extension(peer)));
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    }
}

fn name(common_name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    dn
}
