//! Building a request and parsing its response; what keeping the fields a type does not name
//! costs; serving a token from the client's cache.
//!
//! A counting global allocator reports the heap allocations of each measured step before its
//! timing (`allocations per ...: N`) and fails the run above its budget, so a regression shows
//! as a number.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::menu::{Button, CreateMenu};
use wechat_core::api::oa::user::GetUserInfo;
use wechat_core::client::{HttpClient, Runtime};
use wechat_core::endpoint::{Endpoint, build_request_with_token};
use wechat_core::{Client, Hosts, MemoryStore, Secret, TokenFlow};

struct NoHttp;
impl HttpClient for NoHttp {
    async fn send(
        &self,
        _: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        Ok(http::Response::new(
            br#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#.to_vec(),
        ))
    }
}

struct FixedRuntime;
impl Runtime for FixedRuntime {
    fn now_ms(&self) -> u64 {
        1_700_000_000_000
    }
    async fn sleep(&self, _: u64) {}
    fn fill_random(&self, buf: &mut [u8]) {
        buf.fill(7);
    }
}

/// Runs `f` once to warm up, then counts the allocations of a second run, prints them and checks
/// them against `budget`.
fn check_allocations<T>(what: &str, budget: usize, mut f: impl FnMut() -> T) {
    black_box(f());
    let before = counting::allocations();
    let out = f();
    let n = counting::allocations() - before;
    drop(black_box(out));
    println!("allocations per {what}: {n} (budget {budget})");
    assert!(
        n <= budget,
        "{what} allocates {n} times, over its budget of {budget}"
    );
}

/// Allocation budgets, each what the step takes today. A GET build + parse (10): the URL and
/// `http`'s handle on it, the request's extensions (its `Meta`: map, table, entry), the
/// answer's bytes and the typed answer (a list of three strings).
const BUDGET_GET: usize = 10;
/// A POST build + parse (14): a GET's build, the JSON body (one buffer, no reallocation), the
/// header map, and `{"errcode":0,"errmsg":"ok"}` kept as [`Ack`](wechat_core::endpoint::Ack)'s
/// fields.
const BUDGET_POST: usize = 14;
/// `user/info`'s answer (6): the bytes, the strings and the tag list of the typed answer.
const BUDGET_USER_INFO: usize = 6;

fn bench(c: &mut Criterion) {
    let hosts = Hosts::default();
    let token = Secret::new("ACCESS_TOKEN_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    let ip_body = br#"{"ip_list":["101.89.47.18","101.91.34.103","101.91.37.125"]}"#.to_vec();
    let get_api_domain_ip = || {
        let req = build_request_with_token(&hosts, black_box(&GetApiDomainIp {}), &token).unwrap();
        black_box(req);
        let resp = http::Response::new(ip_body.clone());
        black_box(GetApiDomainIp::parse(&resp).unwrap())
    };
    check_allocations(
        "get_api_domain_ip build+parse",
        BUDGET_GET,
        get_api_domain_ip,
    );
    c.bench_function("get_api_domain_ip build+parse", |b| {
        b.iter(get_api_domain_ip)
    });
    let menu = CreateMenu {
        button: vec![
            Button::click("Today", "V1001_TODAY"),
            Button::parent(
                "Menu",
                vec![
                    Button::view("Search", "https://www.soso.com/"),
                    Button::click("Like", "V1001_GOOD"),
                ],
            ),
        ],
    };
    let ok = br#"{"errcode":0,"errmsg":"ok"}"#.to_vec();
    let menu_create = || {
        let req = build_request_with_token(&hosts, black_box(&menu), &token).unwrap();
        black_box(req);
        black_box(CreateMenu::parse(&http::Response::new(ok.clone())).unwrap())
    };
    check_allocations("menu/create build+parse", BUDGET_POST, menu_create);
    c.bench_function("menu/create build+parse", |b| b.iter(menu_create));

    // The cost of `extra`: the same answer parsed by the SDK's type (unknown fields kept) and by
    // a type with the same fields and no `extra` (unknown fields dropped, as serde does by default).
    let info = include_bytes!("../../tests/fixtures/cgi-bin/user/info.json").to_vec();
    let retired = br#"{"subscribe":1,"openid":"o6_bmjrPTlm6_2sgVt7hMZOPfL2M","nickname":"Band","sex":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"China","headimgurl":"http://thirdwx.qlogo.cn/mmopen/g3MonUZtNHkdmzicIlibx6iaFqAc56vxLSUfpb6n5WKSYVY0ChQKkiaJSgQ1dZuTOgvLLrhJbERQQ4eMsv84eavHiaiceqxibJxCfHe/0","subscribe_time":1382694957,"unionid":"o6_bmasdasdsad6_2sgVt7hMZOPfL","remark":"","groupid":0,"tagid_list":[128,2],"subscribe_scene":"ADD_SCENE_QR_CODE","qr_scene":98765,"qr_scene_str":""}"#.to_vec();
    let user_info = || black_box(GetUserInfo::parse(&http::Response::new(info.clone())).unwrap());
    check_allocations("user/info parse", BUDGET_USER_INFO, user_info);
    c.bench_function("user/info parse, unknown fields kept", |b| {
        b.iter(user_info)
    });
    c.bench_function("user/info parse, no extra (baseline)", |b| {
        b.iter(|| {
            black_box(serde_json::from_slice::<UserInfoWithoutExtra>(black_box(&info)).unwrap())
        })
    });
    c.bench_function("user/info parse, 7 retired fields kept", |b| {
        b.iter(|| black_box(GetUserInfo::parse(&http::Response::new(retired.clone())).unwrap()))
    });

    let flow = TokenFlow::Stable {
        appid: "wxapp".into(),
        secret: Secret::new("S"),
    };
    let client = Client::new(
        flow,
        NoHttp,
        MemoryStore::new(|| 1_700_000_000_000),
        FixedRuntime,
    );
    let token_hit = || futures::executor::block_on(client.token()).unwrap();
    check_allocations("token cache hit", 0, token_hit);
    c.bench_function("token cache hit", |b| b.iter(token_hit));
}

/// `user/info`'s answer as the SDK types it, without the map of unknown fields.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct UserInfoWithoutExtra {
    #[serde(default)]
    subscribe: i64,
    openid: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    subscribe_time: i64,
    #[serde(default)]
    unionid: Option<String>,
    #[serde(default)]
    remark: String,
    #[serde(default)]
    groupid: i64,
    #[serde(default)]
    tagid_list: Vec<u64>,
    #[serde(default)]
    subscribe_scene: String,
    #[serde(default)]
    qr_scene: Option<u64>,
    #[serde(default)]
    qr_scene_str: String,
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// A global allocator that counts allocations (and reallocations, which may move).
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};

    static COUNT: AtomicUsize = AtomicUsize::new(0);

    /// Allocations so far, in every thread.
    pub fn allocations() -> usize {
        COUNT.load(Ordering::Relaxed)
    }

    struct Counting;

    // SAFETY: forwards every call to the system allocator unchanged.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            COUNT.fetch_add(1, Ordering::Relaxed);
            // SAFETY: the caller's contract is the system allocator's.
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: as above.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            COUNT.fetch_add(1, Ordering::Relaxed);
            // SAFETY: as above.
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            COUNT.fetch_add(1, Ordering::Relaxed);
            // SAFETY: as above.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;
}
