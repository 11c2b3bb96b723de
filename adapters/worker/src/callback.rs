//! Glue between a `worker::Request` and the core's callback pipeline.

use std::future::Future;

use wechat_core::callback::{
    CallbackHandler, Claim, Dedup, DedupStore, Incoming, Message, Received, Reply,
};

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

/// Answers one callback request within WeChat's 5 seconds and handles each push once.
///
/// The push is claimed in `dedup` by its [`dedup_key`](wechat_core::callback::dedup_key). The
/// first copy is answered with `answer`'s reply at once, and `work` runs after the answer
/// (`ctx.wait_until`); the claim is marked done when `work` succeeds and released when it fails.
/// Every other copy (WeChat's retries, in any isolate) is answered `success` and not handled. If
/// the store cannot be reached the push is handled anyway, without a claim: a retry may then be
/// handled twice, but no push is lost.
pub async fn handle_callback_once<D, W, F, E>(
    handler: &CallbackHandler,
    dedup: Dedup<D>,
    ctx: &worker::Context,
    mut request: worker::Request,
    answer: impl FnOnce(&Received) -> Reply,
    work: W,
) -> worker::Result<worker::Response>
where
    D: DedupStore + 'static,
    W: FnOnce(Message) -> F,
    F: Future<Output = Result<(), E>> + 'static,
    E: std::fmt::Display,
{
    let request = to_http_request(&mut request).await?;
    let now_s = WorkerClock::new().now_ms() / 1000;
    let received = match handler.handle(&request, now_s) {
        Ok(Incoming::UrlVerification(response)) => return to_worker_response(response),
        Ok(Incoming::Message(received)) => *received,
        Err(e) => return worker::Response::error(e.to_string(), e.status().as_u16()),
    };
    let key = received.dedup_key();
    let holder: [u8; 16] = WebCryptoRandom::new().bytes()?;
    let holder: String = holder.iter().map(|b| format!("{b:02x}")).collect();
    let ticket = match dedup.claim(&key, &holder).await {
        Ok(Claim::New(ticket)) => Some(ticket),
        Ok(Claim::InProgress | Claim::Done) => {
            return to_worker_response(received.reply.success());
        }
        Err(e) => {
            worker::console_error!("dedup store failed, handling the push anyway: {e}");
            None
        }
    };
    let reply = answer(&received);
    let random: [u8; 16] = WebCryptoRandom::new().bytes()?;
    let response = to_worker_response(received.reply.reply(&reply, now_s, random));
    let job = work(received.message);
    ctx.wait_until(async move {
        let result = job.await;
        let Some(ticket) = ticket else {
            return;
        };
        let marked = match &result {
            Ok(()) => dedup.done(&ticket).await,
            Err(e) => {
                worker::console_error!("handling push {} failed: {e}", ticket.key());
                dedup.release(&ticket).await
            }
        };
        if let Err(e) = marked {
            worker::console_error!("dedup store failed for push {}: {e}", ticket.key());
        }
    });
    response
}
