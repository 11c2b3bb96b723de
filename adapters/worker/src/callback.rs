//! Glue between a `worker::Request` and the core's callback pipeline.

use wechat_core::callback::{CallbackHandler, Incoming, Received, Reply};

use crate::{WebCryptoRandom, WorkerClock};

/// Reads a `worker::Request` (method, URL, whole body) into an `http::Request<Vec<u8>>`.
pub async fn to_http_request(
    request: &mut worker::Request,
) -> worker::Result<http::Request<Vec<u8>>> {
    let url = request.url()?;
    let method = http::Method::from_bytes(request.method().as_ref().as_bytes())
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
    let body = request.bytes().await?;
    http::Request::builder()
        .method(method)
        .uri(url.as_str())
        .body(body)
        .map_err(|e| worker::Error::RustError(e.to_string()))
}

/// Turns an `http::Response<Vec<u8>>` into a `worker::Response`.
pub fn to_worker_response(response: http::Response<Vec<u8>>) -> worker::Result<worker::Response> {
    let (parts, body) = response.into_parts();
    let headers = worker::Headers::new();
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            headers.append(name.as_str(), value)?;
        }
    }
    Ok(worker::Response::from_bytes(body)?
        .with_status(parts.status.as_u16())
        .with_headers(headers))
}

/// Answers one callback request: URL verification, or a push handed to `answer`, whose reply is
/// encrypted and signed when the push was. Bad requests get the handler's 4xx, never a panic.
pub async fn handle_callback(
    handler: &CallbackHandler,
    mut request: worker::Request,
    answer: impl FnOnce(&Received) -> Reply,
) -> worker::Result<worker::Response> {
    let request = to_http_request(&mut request).await?;
    let now_s = WorkerClock::new().now_ms() / 1000;
    match handler.handle(&request, now_s) {
        Ok(Incoming::UrlVerification(response)) => to_worker_response(response),
        Ok(Incoming::Message(received)) => {
            let reply = answer(&received);
            let random: [u8; 16] = WebCryptoRandom::new().bytes()?;
            to_worker_response(received.reply.reply(&reply, now_s, random))
        }
        Err(e) => worker::Response::error(e.to_string(), e.status().as_u16()),
    }
}
