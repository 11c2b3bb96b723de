//! The core's integration tests, one binary: areas as modules.

#[macro_use]
mod common;

mod callback_dedup;
mod callback_messages;
mod callback_props;
mod callback_replies;
mod callback_wecom;
mod coverage;
mod driver;
mod lossless;
mod model;
mod mp_cloud;
mod mp_codes;
mod mp_users;
mod mp_xpay;
mod oa_basic;
mod oa_blacklist;
mod oa_broadcast;
mod oa_datacube;
mod oa_device;
mod oa_draft;
mod oa_freepublish;
mod oa_jssdk;
mod oa_kf;
mod oa_material;
mod oa_menu;
mod oa_message;
mod oa_oauth;
mod oa_ocr;
mod oa_qrcode;
mod oa_subscribe;
mod oa_tag;
mod oa_template;
mod oa_user;
mod open_platform;
mod pay_v2;
mod pay_v3;
mod work_app;
mod work_contacts;
mod work_customers;
mod work_customers_ops;
mod work_kf;
mod work_message;
mod work_suite;
