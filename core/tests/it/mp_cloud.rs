//! Mini Program: cloud base and mini dramas.

use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::mp::minidrama::{self, *};
use wechat_core::api::mp::tcb::{self, *};
use wechat_core::endpoint::{Ack, Endpoint, Upload};
use wechat_core::{ErrCode, Error};

use crate::common::*;

const API: &str = "https://api.weixin.qq.com";

fn url(path: &str) -> String {
    format!("{API}{path}?access_token=ACCESS_TOKEN")
}

// ---------------------------------------------------------------------------------------------
// Cloud base

#[test]
fn invoke_cloud_function_sends_the_input_as_the_body() {
    let call = InvokeCloudFunction::new("test-env", "add", json!({"a": 1, "b": 2}));
    let req = build(&call);
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(
        req.uri(),
        &*format!("{API}/tcb/invokecloudfunction?access_token=ACCESS_TOKEN&env=test-env&name=add")
    );
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(body, json!({"a": 1, "b": 2}));
    let none = build(&InvokeCloudFunction::new("e", "f", serde_json::Value::Null));
    assert_eq!(none.body(), b"{}");
    #[derive(serde::Serialize)]
    struct Input {
        x: u8,
    }
    let typed = InvokeCloudFunction::with_input("e", "f", &Input { x: 3 }).unwrap();
    assert_eq!(typed.data, json!({"x": 3}));

    let answer = parse::<InvokeCloudFunction>(fixture!("tcb/invokecloudfunction"));
    #[derive(serde::Deserialize)]
    struct Output {
        event: serde_json::Value,
    }
    assert_eq!(answer.parse::<Output>().unwrap().event, json!({"a": 1}));
    assert_eq!(answer.value().unwrap()["userInfo"]["appId"], "wxappid");
    let broken = CloudFunctionResult {
        resp_data: "not json".into(),
        ..Default::default()
    };
    assert!(matches!(broken.value(), Err(Error::Decode { .. })));
    assert_eq!(
        CloudFunctionResult::default().value().unwrap(),
        serde_json::Value::Null
    );
}

#[test]
fn collections() {
    assert_post_json(
        &AddCollection::new("test2-4a89da", "test_collection"),
        &url("/tcb/databasecollectionadd"),
        json!({"env": "test2-4a89da", "collection_name": "test_collection"}),
    );
    assert_post_json(
        &DeleteCollection::new("test2-4a89da", "test_collection"),
        &url("/tcb/databasecollectiondelete"),
        json!({"env": "test2-4a89da", "collection_name": "test_collection"}),
    );
    assert_post_json(
        &GetCollections::new("test2-4a89da", 0, 10),
        &url("/tcb/databasecollectionget"),
        json!({"env": "test2-4a89da", "limit": 10, "offset": 0}),
    );
    parse::<AddCollection>(fixture!("tcb/databasecollectionadd"));
    parse::<DeleteCollection>(fixture!("tcb/databasecollectiondelete"));
    let got = parse::<GetCollections>(fixture!("tcb/databasecollectionget"));
    assert_eq!(got.pager.total, 2);
    assert_eq!(got.collections[0].name, "geo");
    assert_eq!(got.collections[0].index_size, 36864);
}

#[test]
fn documents() {
    let add = r#"db.collection("geo").add({data: [{description: "item1"}]})"#;
    assert_post_json(
        &DatabaseAdd::new("test2-4a89da", add),
        &url("/tcb/databaseadd"),
        json!({"env": "test2-4a89da", "query": add}),
    );
    let remove = r#"db.collection("geo").where({done: true}).remove()"#;
    assert_post_json(
        &DatabaseDelete::new("test2-4a89da", remove),
        &url("/tcb/databasedelete"),
        json!({"env": "test2-4a89da", "query": remove}),
    );
    let update = r#"db.collection("geo").where({age: 14}).update({data: {age: _.inc(1)}})"#;
    assert_post_json(
        &DatabaseUpdate::new("test2-4a89da", update),
        &url("/tcb/databaseupdate"),
        json!({"env": "test2-4a89da", "query": update}),
    );
    let query = r#"db.collection("geo").where({done: true}).limit(10).skip(1).get()"#;
    assert_post_json(
        &DatabaseQuery::new("test2-4a89da", query),
        &url("/tcb/databasequery"),
        json!({"env": "test2-4a89da", "query": query}),
    );
    let count = r#"db.collection("geo").where({done: true}).count()"#;
    assert_post_json(
        &DatabaseCount::new("test2-4a89da", count),
        &url("/tcb/databasecount"),
        json!({"env": "test2-4a89da", "query": count}),
    );

    assert_eq!(
        parse::<DatabaseAdd>(fixture!("tcb/databaseadd"))
            .id_list
            .len(),
        2
    );
    assert_eq!(
        parse::<DatabaseDelete>(fixture!("tcb/databasedelete")).deleted,
        1
    );
    let updated = parse::<DatabaseUpdate>(fixture!("tcb/databaseupdate"));
    assert_eq!((updated.matched, updated.modified), (1, 1));
    let found = parse::<DatabaseQuery>(fixture!("tcb/databasequery"));
    assert_eq!(found.pager.limit, 10);
    #[derive(serde::Deserialize)]
    struct Doc {
        category: String,
        tags: Vec<String>,
    }
    let docs: Vec<Doc> = found.documents().unwrap();
    assert_eq!(docs[0].category, "computer");
    assert_eq!(docs[1].tags, ["c++"]);
    assert_eq!(
        parse::<DatabaseCount>(fixture!("tcb/databasecount")).count,
        6
    );
}

#[test]
fn migration_and_indexes() {
    assert_post_json(
        &MigrateImport {
            env: "test2-4a89da".into(),
            collection_name: "test_import".into(),
            file_path: "test_data.json".into(),
            file_type: FileType::Json,
            stop_on_error: false,
            conflict_mode: ConflictMode::Upsert,
        },
        &url("/tcb/databasemigrateimport"),
        json!({
            "env": "test2-4a89da",
            "collection_name": "test_import",
            "file_path": "test_data.json",
            "file_type": 1,
            "stop_on_error": false,
            "conflict_mode": 2
        }),
    );
    let query = r#"db.collection("t_data").get()"#;
    assert_post_json(
        &MigrateExport {
            env: "test2-4a89da".into(),
            file_path: "test_export".into(),
            file_type: FileType::Csv,
            query: query.into(),
        },
        &url("/tcb/databasemigrateexport"),
        json!({"env": "test2-4a89da", "file_path": "test_export", "file_type": 2, "query": query}),
    );
    assert_post_json(
        &MigrateQueryInfo::new("test2-4a89da", 214),
        &url("/tcb/databasemigratequeryinfo"),
        json!({"env": "test2-4a89da", "job_id": 214}),
    );
    assert_post_json(
        &UpdateIndex {
            env: "test2-4a89da".into(),
            collection_name: "test_collection".into(),
            create_indexes: vec![CreateIndex {
                name: "index_a".into(),
                unique: true,
                keys: vec![IndexKey {
                    name: "a".into(),
                    direction: "1".into(),
                }],
            }],
            drop_indexes: vec![DropIndex {
                name: "index_b".into(),
            }],
        },
        &url("/tcb/updateindex"),
        json!({
            "env": "test2-4a89da",
            "collection_name": "test_collection",
            "create_indexes": [{"name": "index_a", "unique": true, "keys": [{"name": "a", "direction": "1"}]}],
            "drop_indexes": [{"name": "index_b"}]
        }),
    );
    assert_eq!(
        parse::<MigrateImport>(fixture!("tcb/databasemigrateimport")).job_id,
        214
    );
    assert_eq!(
        parse::<MigrateExport>(fixture!("tcb/databasemigrateexport")).job_id,
        100093275
    );
    let info = parse::<MigrateQueryInfo>(fixture!("tcb/databasemigratequeryinfo"));
    assert_eq!(info.status, "success");
    assert_eq!(info.record_success, 1);
    parse::<UpdateIndex>(fixture!("tcb/updateindex"));
    assert!(serde_json::from_value::<FileType>(json!(3)).is_err());
}

#[test]
fn files() {
    assert_post_json(
        &UploadFile::new("test2-4a89da", "A.png"),
        &url("/tcb/uploadfile"),
        json!({"env": "test2-4a89da", "path": "A.png"}),
    );
    let fileid = "cloud://test2-4a89da.7465-test2-4a89da-1258712300/A.png";
    assert_post_json(
        &BatchDownloadFile {
            env: "test2-4a89da".into(),
            file_list: vec![DownloadFile {
                fileid: fileid.into(),
                max_age: 7200,
            }],
        },
        &url("/tcb/batchdownloadfile"),
        json!({"env": "test2-4a89da", "file_list": [{"fileid": fileid, "max_age": 7200}]}),
    );
    assert_post_json(
        &BatchDeleteFile {
            env: "test2-4a89da".into(),
            fileid_list: vec![fileid.into()],
        },
        &url("/tcb/batchdeletefile"),
        json!({"env": "test2-4a89da", "fileid_list": [fileid]}),
    );
    let auth = parse::<UploadFile>(fixture!("tcb/uploadfile"));
    assert_eq!(auth.file_id, fileid);
    assert!(auth.authorization.expose().starts_with("q-sign-algorithm"));
    assert!(!format!("{auth:?}").contains("Cukha70zk"));
    assert!(UploadFile::META.sensitive);
    let links = parse::<BatchDownloadFile>(fixture!("tcb/batchdownloadfile"));
    assert!(links.file_list[0].download_url.ends_with("/A.png"));
    let deleted = parse::<BatchDeleteFile>(fixture!("tcb/batchdeletefile"));
    assert_eq!(deleted.delete_list[0].status, 0);
}

#[test]
fn tcb_errors() {
    assert_errcode::<DatabaseQuery>(
        r#"{"errcode":-501007,"errmsg":"invalid parameters rid: 1"}"#,
        -501007,
    );
}

#[test]
fn tcb_cataloged() {
    assert_mp_cataloged::<InvokeCloudFunction>();
    assert_mp_cataloged::<AddCollection>();
    assert_mp_cataloged::<DeleteCollection>();
    assert_mp_cataloged::<GetCollections>();
    assert_mp_cataloged::<DatabaseAdd>();
    assert_mp_cataloged::<DatabaseDelete>();
    assert_mp_cataloged::<DatabaseUpdate>();
    assert_mp_cataloged::<DatabaseQuery>();
    assert_mp_cataloged::<DatabaseCount>();
    assert_mp_cataloged::<MigrateImport>();
    assert_mp_cataloged::<MigrateExport>();
    assert_mp_cataloged::<MigrateQueryInfo>();
    assert_mp_cataloged::<tcb::UpdateIndex>();
    assert_mp_cataloged::<UploadFile>();
    assert_mp_cataloged::<BatchDownloadFile>();
    assert_mp_cataloged::<BatchDeleteFile>();
    assert_rows_covered("miniprogram/tcb");
}

// ---------------------------------------------------------------------------------------------
// Mini dramas

#[test]
fn single_file_and_pull_uploads() {
    let call = SingleFileUpload::new(
        "我的演艺 - 第1集",
        "MP4",
        Upload::new("ep1.mp4", b"VIDEO".to_vec()),
    )
    .with_cover("JPG", Upload::new("c.jpg", b"COVER".to_vec()));
    let body = multipart(&call, &url("/wxa/sec/vod/singlefileupload"));
    assert!(body.contains("name=\"media_name\"\r\n\r\n我的演艺 - 第1集\r\n"));
    assert!(body.contains("name=\"media_type\"\r\n\r\nMP4\r\n"));
    assert!(body.contains(
        "name=\"media_data\"; filename=\"ep1.mp4\"\r\nContent-Type: video/mp4\r\n\r\nVIDEO\r\n"
    ));
    assert!(body.contains("name=\"cover_type\"\r\n\r\nJPG\r\n"));
    assert!(body.contains("name=\"cover_data\"; filename=\"c.jpg\""));
    assert!(!body.contains("source_context"));
    assert_eq!(
        parse::<SingleFileUpload>(fixture!("wxa/sec/vod/singlefileupload")).media_id,
        8888
    );

    assert_post_json(
        &PullUpload {
            cover_url: Some("https://developers.weixin.qq.com/test.jpg".into()),
            ..PullUpload::new(
                "我的演艺 - 第1集",
                "https://developers.weixin.qq.com/test.mp4",
            )
        },
        &url("/wxa/sec/vod/pullupload"),
        json!({
            "media_name": "我的演艺 - 第1集",
            "media_url": "https://developers.weixin.qq.com/test.mp4",
            "cover_url": "https://developers.weixin.qq.com/test.jpg"
        }),
    );
    assert_eq!(
        parse::<PullUpload>(fixture!("wxa/sec/vod/pullupload")).task_id,
        8412368
    );
    assert_post_json(
        &GetTask { task_id: 8412368 },
        &url("/wxa/sec/vod/gettask"),
        json!({"task_id": 8412368}),
    );
    let task = parse::<GetTask>(fixture!("wxa/sec/vod/gettask")).task_info;
    assert_eq!((task.status, task.media_id), (4, 8888));
}

#[test]
fn upload_in_parts_requests() {
    assert_post_json(
        &ApplyUpload {
            cover_type: Some("JPG".into()),
            ..ApplyUpload::new("我的演艺 - 第1集", "MP4")
        },
        &url("/wxa/sec/vod/applyupload"),
        json!({"media_name": "我的演艺 - 第1集", "media_type": "MP4", "cover_type": "JPG"}),
    );
    let part = UploadPart {
        upload_id: "9457878".into(),
        part_number: 1,
        resource_type: ResourceType::Media,
        data: b"PART-BYTES".to_vec(),
    };
    let body = multipart(&part, &url("/wxa/sec/vod/uploadpart"));
    assert!(body.contains("name=\"upload_id\"\r\n\r\n9457878\r\n"));
    assert!(body.contains("name=\"part_number\"\r\n\r\n1\r\n"));
    assert!(body.contains("name=\"resource_type\"\r\n\r\n1\r\n"));
    assert!(body.contains("name=\"data\"; filename=\"part1\""));
    assert!(body.contains("\r\n\r\nPART-BYTES\r\n"));
    assert!(!format!("{part:?}").contains("PART-BYTES"));
    assert_post_json(
        &CommitUpload {
            upload_id: "9457878".into(),
            media_part_infos: vec![PartInfo {
                part_number: 1,
                etag: "d899fa2e4afe5d1d2ea0c7e8e5b9bb3f".into(),
            }],
            cover_part_infos: vec![PartInfo {
                part_number: 1,
                etag: "a9d3ab5e7e1cf0a6cb2b2d1d5a9e25b1".into(),
            }],
        },
        &url("/wxa/sec/vod/commitupload"),
        json!({
            "upload_id": "9457878",
            "media_part_infos": [{"part_number": 1, "etag": "d899fa2e4afe5d1d2ea0c7e8e5b9bb3f"}],
            "cover_part_infos": [{"part_number": 1, "etag": "a9d3ab5e7e1cf0a6cb2b2d1d5a9e25b1"}]
        }),
    );
    assert_eq!(
        parse::<ApplyUpload>(fixture!("wxa/sec/vod/applyupload")).upload_id,
        "9457878"
    );
    assert_eq!(
        parse::<UploadPart>(fixture!("wxa/sec/vod/uploadpart")).etag,
        "d899fa2e4afe5d1d2ea0c7e8e5b9bb3f"
    );
    assert_eq!(
        parse::<CommitUpload>(fixture!("wxa/sec/vod/commitupload")).media_id,
        8889
    );
}

#[test]
fn upload_in_parts_drives_apply_parts_commit() {
    let (client, wechat) = client();
    wechat.push(
        "/wxa/sec/vod/applyupload",
        r#"{"errcode":0,"upload_id":"U1"}"#,
    );
    for tag in ["e1", "e2", "e3"] {
        wechat.push(
            "/wxa/sec/vod/uploadpart",
            &format!(r#"{{"errcode":0,"etag":"{tag}"}}"#),
        );
    }
    wechat.push(
        "/wxa/sec/vod/commitupload",
        r#"{"errcode":0,"errmsg":"ok","media_id":77}"#,
    );
    let apply = ApplyUpload::new("我的演艺 - 第1集", "MP4");
    let done = block_on(minidrama::upload_in_parts_of(
        &client,
        &apply,
        b"aaaabbbbcc",
        None,
        4,
    ))
    .unwrap();
    assert_eq!(done.media_id, 77);
    let requests = wechat.requests();
    let paths: Vec<_> = requests.iter().map(|r| r.uri().path()).collect();
    assert_eq!(
        paths,
        [
            "/wxa/sec/vod/applyupload",
            "/wxa/sec/vod/uploadpart",
            "/wxa/sec/vod/uploadpart",
            "/wxa/sec/vod/uploadpart",
            "/wxa/sec/vod/commitupload",
        ]
    );
    for (i, (req, data)) in requests[1..4]
        .iter()
        .zip(["aaaa", "bbbb", "cc"])
        .enumerate()
    {
        let body = String::from_utf8_lossy(req.body());
        assert!(body.contains("name=\"upload_id\"\r\n\r\nU1\r\n"));
        assert!(body.contains(&format!("name=\"part_number\"\r\n\r\n{}\r\n", i + 1)));
        assert!(body.contains("name=\"resource_type\"\r\n\r\n1\r\n"));
        assert!(body.contains(&format!("\r\n\r\n{data}\r\n")));
    }
    let commit: serde_json::Value = serde_json::from_slice(requests[4].body()).unwrap();
    assert_eq!(
        commit,
        json!({
            "upload_id": "U1",
            "media_part_infos": [
                {"part_number": 1, "etag": "e1"},
                {"part_number": 2, "etag": "e2"},
                {"part_number": 3, "etag": "e3"}
            ]
        })
    );
}

#[test]
fn upload_in_parts_stops_at_a_failing_part() {
    let (client, wechat) = client();
    wechat.push(
        "/wxa/sec/vod/applyupload",
        r#"{"errcode":0,"upload_id":"U2"}"#,
    );
    wechat.push("/wxa/sec/vod/uploadpart", r#"{"errcode":0,"etag":"e1"}"#);
    wechat.push(
        "/wxa/sec/vod/uploadpart",
        r#"{"errcode":47003,"errmsg":"argument invalid! rid: 1"}"#,
    );
    let apply = ApplyUpload::new("我的演艺 - 第1集", "MP4");
    let err = block_on(minidrama::upload_in_parts_of(
        &client,
        &apply,
        b"aaaabbbbcc",
        None,
        4,
    ))
    .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Number(47003)));
    let paths: Vec<_> = wechat
        .requests()
        .iter()
        .map(|r| r.uri().path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/wxa/sec/vod/applyupload",
            "/wxa/sec/vod/uploadpart",
            "/wxa/sec/vod/uploadpart",
        ]
    );
    // Checked before any call: a cover without its type, too many parts, an empty part size.
    let (client, wechat) = crate::common::client();
    let bad = [
        block_on(minidrama::upload_in_parts_of(
            &client,
            &apply,
            b"x",
            Some(b"c"),
            4,
        )),
        block_on(minidrama::upload_in_parts_of(
            &client, &apply, &[0; 101], None, 1,
        )),
        block_on(minidrama::upload_in_parts_of(
            &client, &apply, b"x", None, 0,
        )),
    ];
    assert!(bad.iter().all(|r| matches!(r, Err(Error::Build(_)))));
    assert!(wechat.requests().is_empty());
    assert_eq!(minidrama::PART_SIZE, 5 * 1024 * 1024);
}

#[test]
fn media() {
    assert_post_json(
        &ListMedia::of_drama(2001, 0, 20),
        &url("/wxa/sec/vod/listmedia"),
        json!({"drama_id": 2001, "offset": 0, "limit": 20}),
    );
    assert_post_json(
        &GetMedia { media_id: 2870 },
        &url("/wxa/sec/vod/getmedia"),
        json!({"media_id": 2870}),
    );
    assert_post_json(
        &GetMediaLink {
            us: Some("abc".into()),
            ..GetMediaLink::new(2870, 1683868800)
        },
        &url("/wxa/sec/vod/getmedialink"),
        json!({"media_id": 2870, "t": 1683868800, "us": "abc"}),
    );
    assert_post_json(
        &DeleteMedia { media_id: 2870 },
        &url("/wxa/sec/vod/deletemedia"),
        json!({"media_id": 2870}),
    );
    let list = parse::<ListMedia>(fixture!("wxa/sec/vod/listmedia"));
    assert_eq!(list.media_info_list[0].audit_detail.status, 3);
    let one = parse::<GetMedia>(fixture!("wxa/sec/vod/getmedia")).media_info;
    assert_eq!(one.name, "我的演艺 - 第1集");
    assert_eq!(one.duration, 60);
    let link = parse::<GetMediaLink>(fixture!("wxa/sec/vod/getmedialink")).media_info;
    assert!(link.mp4_url.contains("us=abc"));
    let _: Ack = parse::<DeleteMedia>(fixture!("wxa/sec/vod/deletemedia"));
}

#[test]
fn dramas_and_cdn() {
    let mut audit = AuditDrama {
        name: "我的演艺".into(),
        media_count: Some(2),
        media_id_list: vec![2870, 2871],
        producer: "小明影业".into(),
        cover_material_id: "aslzx4nIY2CfzAf4Qp9cpz8eAh3sa8NeCGHzhFr3V0Ccyq2gs3J6YL7RyNsvPRrJ"
            .into(),
        authorized_material_id: "aslzx4nIY2CfzAf4Qp9cpz8eAh3sa8NeCGHzhFr3V0Ccyq2gs3J6YL7RyNsvPRrJ"
            .into(),
        registration_number: "abc123".into(),
        description: "都市青年的演艺之路".into(),
        ..Default::default()
    };
    audit.extra.insert("expedited".into(), json!(1));
    assert_post_json(
        &audit,
        &url("/wxa/sec/vod/auditdrama"),
        json!({
            "name": "我的演艺",
            "media_count": 2,
            "media_id_list": [2870, 2871],
            "producer": "小明影业",
            "cover_material_id": "aslzx4nIY2CfzAf4Qp9cpz8eAh3sa8NeCGHzhFr3V0Ccyq2gs3J6YL7RyNsvPRrJ",
            "authorized_material_id": "aslzx4nIY2CfzAf4Qp9cpz8eAh3sa8NeCGHzhFr3V0Ccyq2gs3J6YL7RyNsvPRrJ",
            "registration_number": "abc123",
            "description": "都市青年的演艺之路",
            "expedited": 1
        }),
    );
    assert_post_json(
        &ListDramas::page(0, 20),
        &url("/wxa/sec/vod/listdramas"),
        json!({"offset": 0, "limit": 20}),
    );
    assert_post_json(
        &GetDrama { drama_id: 2001 },
        &url("/wxa/sec/vod/getdrama"),
        json!({"drama_id": 2001}),
    );
    assert_post_json(
        &GetCdnUsageData {
            start_time: 1683820800,
            end_time: 1683907200,
            data_interval: 5,
        },
        &url("/wxa/sec/vod/getcdnusagedata"),
        json!({"start_time": 1683820800, "end_time": 1683907200, "data_interval": 5}),
    );
    assert_post_json(
        &GetCdnLogs {
            start_time: 1683820800,
            end_time: 1683907200,
            offset: Some(0),
            limit: Some(10),
        },
        &url("/wxa/sec/vod/getcdnlogs"),
        json!({"start_time": 1683820800, "end_time": 1683907200, "offset": 0, "limit": 10}),
    );
    assert_eq!(
        parse::<AuditDrama>(fixture!("wxa/sec/vod/auditdrama")).drama_id,
        2001
    );
    let list = parse::<ListDramas>(fixture!("wxa/sec/vod/listdramas"));
    assert_eq!(list.drama_info_list[0].media_list.len(), 2);
    let drama = parse::<GetDrama>(fixture!("wxa/sec/vod/getdrama")).drama_info;
    assert_eq!(drama.playwright, "王小明");
    assert_eq!(drama.audit_detail.status, 1);
    let usage = parse::<GetCdnUsageData>(fixture!("wxa/sec/vod/getcdnusagedata"));
    assert_eq!(usage.item_list[1].value, 2012);
    let logs = parse::<GetCdnLogs>(fixture!("wxa/sec/vod/getcdnlogs"));
    assert_eq!(logs.total_count, 1);
    assert!(logs.domestic_cdn_logs[0].url.ends_with(".gz"));
}

#[test]
fn minidrama_errors() {
    assert_errcode::<GetMedia>(
        r#"{"errcode":10090017,"errmsg":"media not found"}"#,
        10090017,
    );
}

#[test]
fn minidrama_cataloged() {
    assert_mp_cataloged::<SingleFileUpload>();
    assert_mp_cataloged::<PullUpload>();
    assert_mp_cataloged::<GetTask>();
    assert_mp_cataloged::<ApplyUpload>();
    assert_mp_cataloged::<UploadPart>();
    assert_mp_cataloged::<CommitUpload>();
    assert_mp_cataloged::<ListMedia>();
    assert_mp_cataloged::<GetMedia>();
    assert_mp_cataloged::<GetMediaLink>();
    assert_mp_cataloged::<DeleteMedia>();
    assert_mp_cataloged::<AuditDrama>();
    assert_mp_cataloged::<ListDramas>();
    assert_mp_cataloged::<GetDrama>();
    assert_mp_cataloged::<GetCdnUsageData>();
    assert_mp_cataloged::<GetCdnLogs>();
    assert_rows_covered("miniprogram/minidrama");
}
