//! The HTTP layer: one catch-all handler that hands requests to the state or the control API.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State as AxumState};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::control;
use crate::state::{Incoming, State};
use crate::tls::Peer;
use crate::util::{normalize_path, parse_query};

/// Largest request body accepted (media uploads included).
const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The path prefix of the control API.
pub const CONTROL_PREFIX: &str = "/__emulator";

#[derive(Debug)]
pub(crate) struct Shared {
    pub state: Mutex<State>,
    /// WeChat Pay v3: merchants, keys, orders.
    pub pay: Mutex<crate::pay_v3::PayState>,
    pub addr: SocketAddr,
    pub base_url: String,
    /// The HTTPS listener, when started with it.
    pub https: Option<Https>,
}

/// The HTTPS listener's certificates and address.
#[derive(Debug)]
pub(crate) struct Https {
    pub tls: Arc<crate::tls::Tls>,
    pub base_url: String,
}

impl Shared {
    /// The state, even if a panicking thread poisoned the lock (the state stays consistent).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

async fn handle(AxumState(shared): AxumState<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body = match to_bytes(body, BODY_LIMIT).await {
        Ok(b) => b.to_vec(),
        Err(_) => return plain(StatusCode::PAYLOAD_TOO_LARGE, "body too large"),
    };
    let path = normalize_path(parts.uri.path());
    let query = parse_query(parts.uri.query());
    let method = parts.method.as_str().to_owned();

    if path == CONTROL_PREFIX || path.starts_with(&format!("{CONTROL_PREFIX}/")) {
        let (status, value) = control::handle(&shared, &method, &path, &query, &body).await;
        return json_response(status, value.to_string().into_bytes());
    }

    if path == "/v3" || path.starts_with("/v3/") {
        return crate::pay_v3::handle(&shared, &parts, &path, body);
    }

    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let peer = match parts.extensions.get::<Peer>() {
        Some(peer) => peer.clone(),
        None if shared.https.is_some() => Peer::Anonymous,
        None => Peer::Unchecked,
    };
    let incoming = Incoming {
        method,
        path,
        query,
        content_type,
        body,
        peer,
    };
    let reply = shared.lock().handle(&incoming);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut response = Response::new(Body::from(reply.body));
    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK);
    if let Ok(v) = HeaderValue::from_str(&reply.content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = reply.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

pub(crate) fn json_response(status: u16, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response
}
