//! Custom menus: the default menu, conditional (personalized) menus, and the menu as configured.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack};

use crate::lenient;

/// `menu/create`: replaces the custom menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateMenu {
    /// Up to 3 top-level buttons.
    pub button: Vec<Button>,
}

/// A menu button: a leaf with an action, or a parent of up to 5 sub-buttons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Button {
    /// `click`, `view`, `miniprogram`, `scancode_push`, ...; absent on a parent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The label.
    pub name: String,
    /// The event key of `click` and the other event buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The URL of `view` (and the fallback of `miniprogram`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// The Mini Program page of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The permanent material of `media_id` and `view_limited`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// The published article of `article_id` and `article_view_limited`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<String>,
    /// The sub-buttons of a parent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_button: Vec<Button>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl Button {
    fn leaf(kind: &str, name: impl Into<String>) -> Self {
        Self {
            kind: Some(kind.into()),
            name: name.into(),
            ..Self::default()
        }
    }

    fn event(kind: &str, name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            key: Some(key.into()),
            ..Self::leaf(kind, name)
        }
    }

    /// A `click` button sending `key` to the callback.
    pub fn click(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("click", name, key)
    }

    /// A `view` button opening `url`.
    pub fn view(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::leaf("view", name)
        }
    }

    /// A `miniprogram` button opening `pagepath` of the Mini Program `appid`; clients that cannot
    /// open Mini Programs open `url`.
    pub fn miniprogram(
        name: impl Into<String>,
        appid: impl Into<String>,
        pagepath: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self {
            appid: Some(appid.into()),
            pagepath: Some(pagepath.into()),
            url: Some(url.into()),
            ..Self::leaf("miniprogram", name)
        }
    }

    /// A `scancode_push` button: scans a code and opens its result, sending an event.
    pub fn scancode_push(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("scancode_push", name, key)
    }

    /// A `scancode_waitmsg` button: scans a code and sends the result to the callback, showing
    /// "receiving" until a reply.
    pub fn scancode_waitmsg(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("scancode_waitmsg", name, key)
    }

    /// A `pic_sysphoto` button: takes a photo and sends it.
    pub fn pic_sysphoto(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("pic_sysphoto", name, key)
    }

    /// A `pic_photo_or_album` button: takes a photo or picks one from the album.
    pub fn pic_photo_or_album(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("pic_photo_or_album", name, key)
    }

    /// A `pic_weixin` button: picks a photo from the WeChat album.
    pub fn pic_weixin(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("pic_weixin", name, key)
    }

    /// A `location_select` button: sends a location the user picks.
    pub fn location_select(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self::event("location_select", name, key)
    }

    /// A `media_id` button: sends a permanent material (not a news article).
    pub fn media_id(name: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self {
            media_id: Some(media_id.into()),
            ..Self::leaf("media_id", name)
        }
    }

    /// An `article_id` button: sends a published article as a card.
    pub fn article_id(name: impl Into<String>, article_id: impl Into<String>) -> Self {
        Self {
            article_id: Some(article_id.into()),
            ..Self::leaf("article_id", name)
        }
    }

    /// An `article_view_limited` button: opens a published article.
    pub fn article_view_limited(name: impl Into<String>, article_id: impl Into<String>) -> Self {
        Self {
            article_id: Some(article_id.into()),
            ..Self::leaf("article_view_limited", name)
        }
    }

    /// A parent of sub-buttons.
    pub fn parent(name: impl Into<String>, sub_button: Vec<Button>) -> Self {
        Self {
            name: name.into(),
            sub_button,
            ..Self::default()
        }
    }
}

/// `menu/get` (getMenu): the menu set through the API, with every conditional menu.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetMenu {}

/// What [`GetMenu`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MenuConfig {
    /// The default menu.
    #[serde(default)]
    pub menu: Menu,
    /// The conditional menus.
    #[serde(default)]
    pub conditionalmenu: Vec<ConditionalMenu>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The default menu.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Menu {
    /// The top-level buttons.
    #[serde(default)]
    pub button: Vec<Button>,
    /// Its id, present once conditional menus exist.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub menuid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A conditional menu.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ConditionalMenu {
    /// The top-level buttons.
    #[serde(default)]
    pub button: Vec<Button>,
    /// Who sees it.
    #[serde(default)]
    pub matchrule: MatchRule,
    /// Its id.
    #[serde(default, deserialize_with = "lenient::text")]
    pub menuid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who sees a conditional menu: at least one field set. WeChat sends these as strings or numbers;
/// they are read either way and written as strings.
///
/// Since 2021 WeChat rejects new rules on gender, region or language (errcode 65320) and ignores
/// old ones; the fields stay for reading existing menus.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MatchRule {
    /// A user tag id.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_id: Option<String>,
    /// `1` iOS, `2` Android, `3` others.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_platform_type: Option<String>,
    /// The old group id (before tags).
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub group_id: Option<String>,
    /// `1` male, `2` female (no longer accepted).
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub sex: Option<String>,
    /// Country (no longer accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Province (no longer accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// City (no longer accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Client language such as `zh_CN` (no longer accepted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl MatchRule {
    /// Users with a tag.
    pub fn tag(tag_id: u64) -> Self {
        Self {
            tag_id: Some(tag_id.to_string()),
            ..Self::default()
        }
    }
}

/// `menu/delete` (deleteMenu): deletes the menu and every conditional menu.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DeleteMenu {}

/// `menu/addconditional` (addConditionalMenu): adds a conditional menu (needs a default menu).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddConditionalMenu {
    /// Up to 3 top-level buttons.
    pub button: Vec<Button>,
    /// Who sees it.
    pub matchrule: MatchRule,
}

/// What [`AddConditionalMenu`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ConditionalMenuId {
    /// The new menu's id.
    #[serde(deserialize_with = "lenient::text")]
    pub menuid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `menu/delconditional` (deleteConditionalMenu): deletes one conditional menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteConditionalMenu {
    /// Its id.
    pub menuid: String,
}

/// `menu/trymatch` (tryMatchMenu): the menu a user would see.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TryMatchMenu {
    /// The user's OpenID or WeChat ID.
    pub user_id: String,
}

/// What [`TryMatchMenu`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MatchedMenu {
    /// The buttons the user sees.
    #[serde(default)]
    pub button: Vec<Button>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_current_selfmenu_info` (getCurrentSelfMenuInfo): the menu in effect, whether set through
/// the API or on the admin site.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetCurrentSelfMenuInfo {}

/// What [`GetCurrentSelfMenuInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenuInfo {
    /// `1` when a menu is on.
    #[serde(default)]
    pub is_menu_open: i64,
    /// The menu.
    #[serde(default)]
    pub selfmenu_info: SelfMenu,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The menu in effect.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenu {
    /// The top-level buttons.
    #[serde(default)]
    pub button: Vec<SelfMenuButton>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A button of the menu in effect. Admin-site menus add the types `text`, `img`, `voice`,
/// `video` and `news`, with `value` (or `news_info`) instead of a key.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenuButton {
    /// The type; absent on a parent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The label.
    #[serde(default)]
    pub name: String,
    /// The event key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The URL of `view` (and `miniprogram`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The content of `text`, the media id of `img` / `voice` / `news`, the URL of `video`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The Mini Program of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// The Mini Program page of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The articles of `news`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_info: Option<SelfMenuNews>,
    /// The sub-buttons of a parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_button: Option<SelfMenuSubButtons>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The sub-buttons of a parent of the menu in effect.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenuSubButtons {
    /// The sub-buttons.
    #[serde(default)]
    pub list: Vec<SelfMenuButton>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The articles of a `news` button.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenuNews {
    /// The articles.
    #[serde(default)]
    pub list: Vec<SelfMenuArticle>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An article of a `news` button.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SelfMenuArticle {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Author.
    #[serde(default)]
    pub author: String,
    /// Summary.
    #[serde(default)]
    pub digest: String,
    /// `1` when the cover shows in the body.
    #[serde(default)]
    pub show_cover: i64,
    /// Cover image URL.
    #[serde(default)]
    pub cover_url: String,
    /// Article URL.
    #[serde(default)]
    pub content_url: String,
    /// "Read more" URL.
    #[serde(default)]
    pub source_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    CreateMenu => Ack {
        POST Api "/cgi-bin/menu/create",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html",
    }
    GetMenu => MenuConfig {
        GET Api "/cgi-bin/menu/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Getting_Custom_Menu_Configurations.html",
    }
    DeleteMenu => Ack {
        GET Api "/cgi-bin/menu/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Deleting_Custom-Defined_Menu.html",
    }
    AddConditionalMenu => ConditionalMenuId {
        POST Api "/cgi-bin/menu/addconditional",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html",
    }
    DeleteConditionalMenu => Ack {
        POST Api "/cgi-bin/menu/delconditional",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html",
    }
    TryMatchMenu => MatchedMenu {
        POST Api "/cgi-bin/menu/trymatch",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Personalized_menu_interface.html",
    }
    GetCurrentSelfMenuInfo => SelfMenuInfo {
        GET Api "/cgi-bin/get_current_selfmenu_info",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Querying_Custom_Menus.html",
    }
}

