//! Building HTTP responses: errors as (status, message) pairs, CORS headers on all.

use oxhttp::model::{Body, HeaderValue, Response, StatusCode};

/// A response with `status`, a content type and a body, CORS headers included.
pub(crate) fn with_body(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert("content-type", value);
    }
    add_cors(&mut response);
    response
}

/// A plain-text error response.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut text = message.into();
    text.push('\n');
    with_body(status, "text/plain; charset=utf-8", text.into_bytes())
}

/// An empty response.
pub(crate) fn empty(status: StatusCode) -> Response<Body> {
    with_body(status, "text/plain; charset=utf-8", Vec::new())
}

/// Headers that let browser clients (YASGUI, a notebook page) call the endpoint.
pub(crate) fn add_cors(response: &mut Response<Body>) {
    let headers = response.headers_mut();
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("GET, POST, PUT, DELETE, HEAD, OPTIONS"),
    );
    headers.insert(
        "access-control-allow-headers",
        HeaderValue::from_static("Content-Type, Accept, Authorization"),
    );
}
