/// What can go wrong while performing an effect inside a Worker.
///
/// JavaScript values are turned into text at the boundary, so the error is
/// `Send + Sync` and can travel through the core's error types.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The Workers runtime refused or failed the call (network error,
    /// invalid URL, a JavaScript exception, ...).
    #[error("workers runtime: {0}")]
    Runtime(String),
    /// The request uses an HTTP method the Workers `fetch` API cannot send.
    #[error("HTTP method {0} is not supported by the Workers fetch API")]
    UnsupportedMethod(http::Method),
    /// A header name or value cannot cross into (or out of) a JavaScript `Headers` object.
    #[error("header {0:?} cannot be represented")]
    InvalidHeader(String),
    /// The response from `fetch` could not be turned into an `http::Response`.
    #[error("building the response: {0}")]
    Http(#[from] http::Error),
    /// A Workers KV call failed.
    #[error("workers KV: {0}")]
    Kv(String),
}

impl From<worker::Error> for Error {
    fn from(err: worker::Error) -> Self {
        Error::Runtime(err.to_string())
    }
}

impl From<worker::KvError> for Error {
    fn from(err: worker::KvError) -> Self {
        match err {
            worker::KvError::JavaScript(value) => Error::Kv(js_to_string(&value)),
            other => Error::Kv(other.to_string()),
        }
    }
}

impl From<wasm_bindgen::JsValue> for Error {
    fn from(value: wasm_bindgen::JsValue) -> Self {
        Error::Runtime(js_to_string(&value))
    }
}

/// Lets a Worker's handler use `?` on this crate's results.
impl From<Error> for worker::Error {
    fn from(err: Error) -> Self {
        worker::Error::RustError(err.to_string())
    }
}

/// A readable rendering of a thrown JavaScript value.
pub(crate) fn js_to_string(value: &wasm_bindgen::JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    if let Some(err) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(value) {
        return String::from(err.to_string());
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
