use worker::{Fetch, Headers, Method, RequestInit, RequestRedirect};

use crate::Error;

/// An HTTP client on the Workers `fetch` API.
///
/// It takes the core's currency, `http::Request<Vec<u8>>`, and returns the
/// whole response as `http::Response<Vec<u8>>`. Redirects are not followed:
/// a 3xx comes back to the caller as is, as on every other adapter.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchClient;

impl FetchClient {
    /// A client on the global `fetch`.
    pub fn new() -> Self {
        FetchClient
    }

    /// Sends `request` and reads the whole response body.
    pub async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let request = to_worker_request(request)?;
        let response = Fetch::Request(request).send().await?;
        from_worker_response(response).await
    }
}

impl wechat_core::HttpClient for FetchClient {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        FetchClient::send(self, request)
            .await
            .map_err(|e| wechat_core::Error::Transport(wechat_core::error::redact(&e.to_string())))
    }
}

fn method(method: &http::Method) -> Result<Method, Error> {
    // `worker::Method: From<String>` maps unknown names to GET; never send a
    // request with a method other than the one asked for.
    Ok(match *method {
        http::Method::GET => Method::Get,
        http::Method::HEAD => Method::Head,
        http::Method::POST => Method::Post,
        http::Method::PUT => Method::Put,
        http::Method::PATCH => Method::Patch,
        http::Method::DELETE => Method::Delete,
        http::Method::OPTIONS => Method::Options,
        _ => return Err(Error::UnsupportedMethod(method.clone())),
    })
}

/// Turns an `http::Request<Vec<u8>>` into a `worker::Request` ready for `fetch`,
/// with redirects set to `manual`.
pub fn to_worker_request(request: http::Request<Vec<u8>>) -> Result<worker::Request, Error> {
    let (parts, body) = request.into_parts();

    let headers = Headers::new();
    for (name, value) in &parts.headers {
        let value = value
            .to_str()
            .map_err(|_| Error::InvalidHeader(name.as_str().to_owned()))?;
        headers.append(name.as_str(), value)?;
    }

    let mut init = RequestInit::new();
    init.with_method(method(&parts.method)?)
        .with_headers(headers)
        .with_redirect(RequestRedirect::Manual);
    if !body.is_empty() {
        init.with_body(Some(js_sys::Uint8Array::from(body.as_slice()).into()));
    }

    Ok(worker::Request::new_with_init(
        &parts.uri.to_string(),
        &init,
    )?)
}

/// Reads a `worker::Response` (status, headers, whole body) into an
/// `http::Response<Vec<u8>>`.
pub async fn from_worker_response(
    mut response: worker::Response,
) -> Result<http::Response<Vec<u8>>, Error> {
    let mut builder = http::Response::builder().status(response.status_code());
    for (name, value) in response.headers().entries() {
        let name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidHeader(name.clone()))?;
        let value = http::HeaderValue::from_str(&value)
            .map_err(|_| Error::InvalidHeader(name.as_str().to_owned()))?;
        builder = builder.header(name, value);
    }
    let body = response.bytes().await?;
    Ok(builder.body(body)?)
}
