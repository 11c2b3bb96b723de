//! Each push handled once across isolates: one Durable Object per push key.
//!
//! [`DurableDedup`] is the core's [`DedupStore`] in an isolate: every operation on a key goes to
//! the `CallbackDedup` object named by that key. The object ([`DedupObject`]) runs one request
//! at a time and reads then writes its storage with no other wait in between, so its input gate
//! makes each claim atomic: of any number of isolates, anywhere, that claim one key, exactly one
//! gets [`Seen::New`]. An alarm deletes the record when it runs out.
//!
//! Workers KV alone could not promise this. KV has no compare-and-set: two isolates that read
//! "absent" at the same time both write and both handle the push. Its writes reach other
//! locations within about 60 s, and a location may serve a cached "absent" for as long, so KV
//! would only catch a retry that arrives later than that in the same place, while WeChat retries
//! within seconds. KV suits what may be read stale (cached tokens); "seen before?" needs the
//! object.

use serde::{Deserialize, Serialize};
use wechat_core::callback::{DedupStore, Seen};
use wechat_core::token::StoreError;
use worker::{Method, Request, RequestInit, Response};

use crate::WorkerClock;

#[derive(Serialize, Deserialize)]
struct Op {
    key: String,
    holder: String,
    ms: u64,
}

#[derive(Serialize, Deserialize)]
struct Record {
    holder: String,
    done: bool,
    until_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct Answer {
    seen: String,
}

const RECORD: &str = "record";

fn store_err(e: impl std::fmt::Display) -> StoreError {
    StoreError(format!("callback dedup object: {e}"))
}

/// The isolate's [`DedupStore`]: the `CallbackDedup` Durable Object named by each key.
pub struct DurableDedup {
    namespace: worker::ObjectNamespace,
}

impl DurableDedup {
    /// A store over the Worker's `CallbackDedup` namespace.
    pub fn new(namespace: worker::ObjectNamespace) -> Self {
        Self { namespace }
    }

    async fn ask(&self, verb: &str, op: &Op) -> Result<Answer, StoreError> {
        let stub = self.namespace.get_by_name(&op.key).map_err(store_err)?;
        let body = serde_json::to_string(op).map_err(store_err)?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post).with_body(Some(body.into()));
        let request =
            Request::new_with_init(&format!("https://dedup/{verb}"), &init).map_err(store_err)?;
        let mut response = stub.fetch_with_request(request).await.map_err(store_err)?;
        if response.status_code() != 200 {
            let text = response.text().await.unwrap_or_default();
            return Err(store_err(text));
        }
        response.json().await.map_err(store_err)
    }
}

impl DedupStore for DurableDedup {
    async fn claim(&self, key: &str, holder: &str, lease_ms: u64) -> Result<Seen, StoreError> {
        let op = Op {
            key: key.into(),
            holder: holder.into(),
            ms: lease_ms,
        };
        Ok(match self.ask("claim", &op).await?.seen.as_str() {
            "new" => Seen::New,
            "done" => Seen::Done,
            _ => Seen::InProgress,
        })
    }

    async fn complete(&self, key: &str, holder: &str, keep_ms: u64) -> Result<(), StoreError> {
        let op = Op {
            key: key.into(),
            holder: holder.into(),
            ms: keep_ms,
        };
        self.ask("complete", &op).await.map(drop)
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        let op = Op {
            key: key.into(),
            holder: holder.into(),
            ms: 0,
        };
        self.ask("release", &op).await.map(drop)
    }
}

/// What a `CallbackDedup` Durable Object does: keep the one record of its key.
///
/// `#[durable_object]` types live in the Worker's own crate:
///
/// ```ignore
/// #[durable_object]
/// pub struct CallbackDedup(wechat_worker::DedupObject);
///
/// impl DurableObject for CallbackDedup {
///     fn new(state: State, _env: Env) -> Self {
///         CallbackDedup(wechat_worker::DedupObject::new(&state))
///     }
///     async fn fetch(&self, req: Request) -> Result<Response> {
///         self.0.handle(req).await
///     }
///     async fn alarm(&self) -> Result<Response> {
///         self.0.alarm().await
///     }
/// }
/// ```
pub struct DedupObject {
    storage: worker::Storage,
    clock: WorkerClock,
}

impl DedupObject {
    /// The object over its storage.
    pub fn new(state: &worker::State) -> Self {
        Self {
            storage: state.storage(),
            clock: WorkerClock::new(),
        }
    }

    async fn put(&self, record: Record) -> worker::Result<()> {
        let until_ms = record.until_ms;
        self.storage.put(RECORD, record).await?;
        self.wake_at(until_ms).await
    }

    /// Sets the alarm for `until_ms` (Unix ms).
    async fn wake_at(&self, until_ms: u64) -> worker::Result<()> {
        let in_ms = until_ms.saturating_sub(self.clock.now_ms()).max(1);
        self.storage
            .set_alarm(i64::try_from(in_ms).unwrap_or(i64::MAX))
            .await
    }

    /// Answers an isolate's `claim`, `complete` or `release`.
    pub async fn handle(&self, mut request: Request) -> worker::Result<Response> {
        let path = request.path();
        let op: Op = request.json().await?;
        let now = self.clock.now_ms();
        // Read and write with no other wait in between: the input gate keeps other requests out.
        let record: Option<Record> = self.storage.get(RECORD).await?;
        let live = record.filter(|r| r.until_ms > now);
        let seen = match path.as_str() {
            "/claim" => match live {
                Some(r) if r.done => "done",
                Some(_) => "busy",
                None => {
                    self.put(Record {
                        holder: op.holder,
                        done: false,
                        until_ms: now.saturating_add(op.ms),
                    })
                    .await?;
                    "new"
                }
            },
            "/complete" => {
                self.put(Record {
                    holder: op.holder,
                    done: true,
                    until_ms: now.saturating_add(op.ms),
                })
                .await?;
                "done"
            }
            "/release" => {
                if live.is_some_and(|r| !r.done && r.holder == op.holder) {
                    self.storage.delete(RECORD).await?;
                }
                "released"
            }
            _ => return Response::error("not found", 404),
        };
        Response::from_json(&Answer { seen: seen.into() })
    }

    /// The alarm: forgets the record once it ran out.
    pub async fn alarm(&self) -> worker::Result<Response> {
        let record: Option<Record> = self.storage.get(RECORD).await?;
        match record {
            Some(r) if r.until_ms > self.clock.now_ms() => self.wake_at(r.until_ms).await?,
            _ => self.storage.delete_all().await?,
        }
        Response::ok("ok")
    }
}
