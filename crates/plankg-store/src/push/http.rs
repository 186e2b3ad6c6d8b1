//! An HTTP client for Graph Store requests: HTTP basic or digest authentication
//! (answering the server's challenge, as Virtuoso's writable endpoint requires) and
//! retries of transient failures.

use std::io::Read;
use std::thread;
use std::time::Duration;

use base64::Engine as _;
use oxhttp::model::{Body, HeaderValue, Method, Request, StatusCode};
use oxhttp::Client;

use super::PushError;

/// Credentials for the remote store.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// User name.
    pub user: String,
    /// Password.
    pub password: String,
}

/// A client that authenticates as the server asks and retries transient failures.
pub(crate) struct GraphStoreClient {
    client: Client,
    credentials: Option<Credentials>,
    retries: u32,
    /// The last digest challenge, reused (with its nonce count) until refused.
    digest: Option<digest_auth::WwwAuthenticateHeader>,
    /// Whether the server asked for basic authentication.
    basic: bool,
}

/// A response: status and body text.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: String,
}

impl GraphStoreClient {
    /// A client with `retries` further attempts after a transient failure.
    pub(crate) fn new(credentials: Option<Credentials>, retries: u32) -> Self {
        Self {
            client: Client::new().with_global_timeout(Duration::from_secs(300)),
            credentials,
            retries,
            digest: None,
            basic: false,
        }
    }

    /// Sends one request, answering an authentication challenge and retrying
    /// connection failures and 5xx answers with a growing pause.
    pub(crate) fn send(
        &mut self,
        method: Method,
        url: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Answer, PushError> {
        let mut attempt = 0;
        let mut challenged = false;
        loop {
            let outcome = self.send_once(&method, url, content_type, body);
            match outcome {
                Ok((status, www_authenticate, text))
                    if status == StatusCode::UNAUTHORIZED && !challenged =>
                {
                    challenged = true;
                    self.accept_challenge(url, www_authenticate.as_deref())?;
                    let _ = text;
                }
                Ok((status, _, text)) if status.is_server_error() && attempt < self.retries => {
                    attempt += 1;
                    let _ = text;
                    thread::sleep(Duration::from_millis(200 * u64::from(attempt)));
                }
                Ok((status, _, body)) => return Ok(Answer { status, body }),
                Err(_) if attempt < self.retries => {
                    attempt += 1;
                    thread::sleep(Duration::from_millis(200 * u64::from(attempt)));
                }
                Err(source) => {
                    return Err(PushError::Http {
                        url: url.to_owned(),
                        source,
                    })
                }
            }
        }
    }

    fn accept_challenge(&mut self, url: &str, header: Option<&str>) -> Result<(), PushError> {
        if self.credentials.is_none() {
            return Err(PushError::Unauthorized {
                url: url.to_owned(),
                message: "the server asks for credentials: give --user and --password".into(),
            });
        }
        let header = header.unwrap_or("");
        if header
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("digest")
        {
            let parsed = digest_auth::parse(header).map_err(|e| PushError::Unauthorized {
                url: url.to_owned(),
                message: format!("cannot read the digest challenge: {e}"),
            })?;
            self.digest = Some(parsed);
            self.basic = false;
        } else {
            self.basic = true;
            self.digest = None;
        }
        Ok(())
    }

    fn authorization(&mut self, method: &Method, url: &str) -> Result<Option<String>, PushError> {
        let Some(credentials) = &self.credentials else {
            return Ok(None);
        };
        if let Some(challenge) = &mut self.digest {
            let uri = request_target(url);
            let context = digest_auth::AuthContext::new_with_method(
                credentials.user.as_str(),
                credentials.password.as_str(),
                uri,
                None::<&[u8]>,
                digest_auth::HttpMethod::from(method.as_str()),
            );
            let answer = challenge
                .respond(&context)
                .map_err(|e| PushError::Unauthorized {
                    url: url.to_owned(),
                    message: format!("cannot answer the digest challenge: {e}"),
                })?;
            return Ok(Some(answer.to_header_string()));
        }
        if self.basic {
            let token = base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", credentials.user, credentials.password));
            return Ok(Some(format!("Basic {token}")));
        }
        Ok(None)
    }

    fn send_once(
        &mut self,
        method: &Method,
        url: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(StatusCode, Option<String>, String), std::io::Error> {
        let authorization = self
            .authorization(method, url)
            .map_err(std::io::Error::other)?;
        let mut request = Request::builder().method(method.clone()).uri(url);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        if let Some(authorization) = authorization {
            let value = HeaderValue::from_str(&authorization).map_err(std::io::Error::other)?;
            request = request.header("authorization", value);
        }
        let request = request
            .body(Body::from(body.to_vec()))
            .map_err(std::io::Error::other)?;
        let mut response = self.client.request(request)?;
        let www_authenticate = response
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut text = String::new();
        let _ = response
            .body_mut()
            .take(64 * 1024)
            .read_to_string(&mut text);
        Ok((response.status(), www_authenticate, text))
    }
}

/// The path and query of a URL, as the digest `uri` field wants them.
fn request_target(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(index) => after_scheme[index..].to_owned(),
        None => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_target_is_path_and_query() {
        assert_eq!(
            request_target(
                "http://127.0.0.1:8890/sparql-graph-crud-auth?graph=http%3A%2F%2Fe.org%2Fg"
            ),
            "/sparql-graph-crud-auth?graph=http%3A%2F%2Fe.org%2Fg"
        );
        assert_eq!(request_target("http://host"), "/");
    }
}
