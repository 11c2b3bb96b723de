//! Custom menus: create with the button builders, read, delete, conditional menus, try-match and
//! the menu in effect.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::menu::*;
use wechat_core::endpoint::{Endpoint, Repeat};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn create_menu_with_every_builder() {
    let menu = CreateMenu {
        button: vec![
            Button::click("今日歌曲", "V1001_TODAY_MUSIC"),
            Button::parent(
                "菜单",
                vec![
                    Button::view("搜索", "http://www.soso.com/"),
                    Button::miniprogram(
                        "wxa",
                        "wx286b93c14bbf93aa",
                        "pages/lunar/index",
                        "http://mp.weixin.qq.com",
                    ),
                    Button::click("赞一下我们", "V1001_GOOD"),
                ],
            ),
            Button::parent(
                "发图",
                vec![
                    Button::scancode_waitmsg("扫码带提示", "rselfmenu_0_0"),
                    Button::scancode_push("扫码推事件", "rselfmenu_0_1"),
                    Button::pic_sysphoto("系统拍照发图", "rselfmenu_1_0"),
                    Button::pic_photo_or_album("拍照或者相册发图", "rselfmenu_1_1"),
                    Button::pic_weixin("微信相册发图", "rselfmenu_1_2"),
                ],
            ),
        ],
    };
    assert_post_json(
        &menu,
        &format!("{API}/cgi-bin/menu/create?access_token=ACCESS_TOKEN"),
        json!({"button": [
            {"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"},
            {"name": "菜单", "sub_button": [
                {"type": "view", "name": "搜索", "url": "http://www.soso.com/"},
                {"type": "miniprogram", "name": "wxa", "url": "http://mp.weixin.qq.com",
                 "appid": "wx286b93c14bbf93aa", "pagepath": "pages/lunar/index"},
                {"type": "click", "name": "赞一下我们", "key": "V1001_GOOD"}
            ]},
            {"name": "发图", "sub_button": [
                {"type": "scancode_waitmsg", "name": "扫码带提示", "key": "rselfmenu_0_0"},
                {"type": "scancode_push", "name": "扫码推事件", "key": "rselfmenu_0_1"},
                {"type": "pic_sysphoto", "name": "系统拍照发图", "key": "rselfmenu_1_0"},
                {"type": "pic_photo_or_album", "name": "拍照或者相册发图", "key": "rselfmenu_1_1"},
                {"type": "pic_weixin", "name": "微信相册发图", "key": "rselfmenu_1_2"}
            ]}
        ]}),
    );
    parse::<CreateMenu>(fixture!("cgi-bin/menu/create"));
}

#[test]
fn media_and_article_buttons() {
    let menu = CreateMenu {
        button: vec![
            Button::location_select("发送位置", "rselfmenu_2_0"),
            Button::media_id("图片", "MEDIA_ID1"),
            Button::parent(
                "文章",
                vec![
                    Button::article_id("发送文章", "ARTICLE_ID1"),
                    Button::article_view_limited("查看文章", "ARTICLE_ID2"),
                ],
            ),
        ],
    };
    assert_post_json(
        &menu,
        &format!("{API}/cgi-bin/menu/create?access_token=ACCESS_TOKEN"),
        json!({"button": [
            {"type": "location_select", "name": "发送位置", "key": "rselfmenu_2_0"},
            {"type": "media_id", "name": "图片", "media_id": "MEDIA_ID1"},
            {"name": "文章", "sub_button": [
                {"type": "article_id", "name": "发送文章", "article_id": "ARTICLE_ID1"},
                {"type": "article_view_limited", "name": "查看文章", "article_id": "ARTICLE_ID2"}
            ]}
        ]}),
    );
}

#[test]
fn get_menu() {
    assert_get(
        &GetMenu {},
        &format!("{API}/cgi-bin/menu/get?access_token=ACCESS_TOKEN"),
    );
    let m = parse::<GetMenu>(fixture!("cgi-bin/menu/get"));
    assert_eq!(m.menu.menuid.as_deref(), Some("208396938"));
    assert_eq!(
        m.menu.button[0],
        Button::click("今日歌曲", "V1001_TODAY_MUSIC")
    );
    let c = &m.conditionalmenu[0];
    assert_eq!(c.menuid, "208396993");
    assert_eq!(c.button[1].sub_button.len(), 3);
    // Numbers in the answer, strings in our types.
    assert_eq!(c.matchrule.group_id.as_deref(), Some("2"));
    assert_eq!(c.matchrule.sex.as_deref(), Some("1"));
    assert_eq!(c.matchrule.client_platform_type.as_deref(), Some("2"));
    assert_eq!(c.matchrule.city.as_deref(), Some("广州"));
    // Without conditional menus there is no menuid.
    let m = parse::<GetMenu>(
        r#"{"menu":{"button":[{"type":"click","name":"a","key":"b","sub_button":[]}]}}"#,
    );
    assert_eq!(m.menu.menuid, None);
    assert!(m.conditionalmenu.is_empty());
}

#[test]
fn delete_menu() {
    assert_get(
        &DeleteMenu {},
        &format!("{API}/cgi-bin/menu/delete?access_token=ACCESS_TOKEN"),
    );
    parse::<DeleteMenu>(fixture!("cgi-bin/menu/delete"));
}

#[test]
fn add_conditional_menu() {
    let req = AddConditionalMenu {
        button: vec![Button::click("今日歌曲", "V1001_TODAY_MUSIC")],
        matchrule: MatchRule {
            client_platform_type: Some("2".into()),
            ..MatchRule::tag(2)
        },
    };
    assert_post_json(
        &req,
        &format!("{API}/cgi-bin/menu/addconditional?access_token=ACCESS_TOKEN"),
        json!({
            "button": [{"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"}],
            "matchrule": {"tag_id": "2", "client_platform_type": "2"}
        }),
    );
    let id = parse::<AddConditionalMenu>(fixture!("cgi-bin/menu/addconditional"));
    assert_eq!(id.menuid, "208379533");
    assert_eq!(
        parse::<AddConditionalMenu>(r#"{"menuid":208379533}"#).menuid,
        "208379533"
    );
    // A retry would add a second menu.
    assert_eq!(AddConditionalMenu::META.repeat, Repeat::Never);
}

#[test]
fn delete_conditional_menu() {
    assert_post_json(
        &DeleteConditionalMenu {
            menuid: "208379533".into(),
        },
        &format!("{API}/cgi-bin/menu/delconditional?access_token=ACCESS_TOKEN"),
        json!({"menuid": "208379533"}),
    );
    parse::<DeleteConditionalMenu>(fixture!("cgi-bin/menu/delconditional"));
}

#[test]
fn try_match_menu() {
    assert_post_json(
        &TryMatchMenu {
            user_id: "weixin".into(),
        },
        &format!("{API}/cgi-bin/menu/trymatch?access_token=ACCESS_TOKEN"),
        json!({"user_id": "weixin"}),
    );
    let m = parse::<TryMatchMenu>(fixture!("cgi-bin/menu/trymatch"));
    assert_eq!(m.button.len(), 3);
    assert_eq!(m.button[0], Button::view("tx", "http://www.qq.com/"));
}

#[test]
fn get_current_selfmenu_info() {
    assert_get(
        &GetCurrentSelfMenuInfo {},
        &format!("{API}/cgi-bin/get_current_selfmenu_info?access_token=ACCESS_TOKEN"),
    );
    let m = parse::<GetCurrentSelfMenuInfo>(fixture!("cgi-bin/get_current_selfmenu_info"));
    assert_eq!(m.is_menu_open, 1);
    let buttons = &m.selfmenu_info.button;
    assert_eq!(buttons[0].kind.as_deref(), Some("click"));
    assert_eq!(buttons[0].key.as_deref(), Some("V1001_TODAY_MUSIC"));
    let sub = &buttons[1].sub_button.as_ref().unwrap().list;
    assert_eq!(sub.len(), 4);
    assert_eq!(sub[1].kind.as_deref(), Some("news"));
    let news = &sub[1].news_info.as_ref().unwrap().list;
    assert_eq!(news.len(), 2);
    assert_eq!(news[1].show_cover, 1);
    assert_eq!(news[0].author, "JIMZHENG");
    let third = &buttons[2].sub_button.as_ref().unwrap().list;
    assert_eq!(third[0].value.as_deref(), Some("123"));
    assert_eq!(third[2].pagepath.as_deref(), Some("pages/lunar/index"));
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<CreateMenu>(r#"{"errcode":40018,"errmsg":"invalid button name size"}"#),
        ErrCode::Number(40018)
    );
    assert_eq!(
        api_error::<AddConditionalMenu>(
            r#"{"errcode":65320,"errmsg":"matchrule contains privacy information"}"#
        ),
        ErrCode::Number(65320)
    );
}
