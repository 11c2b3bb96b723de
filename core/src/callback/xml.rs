//! A small borrowed XML tree for WeChat's flat `<xml>` documents, a serde `Deserializer` over
//! it (text coerces to numbers where a number is asked for), and a writer.
//!
//! WeChat's XML has no attributes and no namespaces that matter; leaves are text or CDATA,
//! repeated siblings form lists. Limits on depth, width and size keep hostile input cheap.

use std::borrow::Cow;
use std::fmt;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event as XmlEvent;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::error::CallbackError;

const MAX_DEPTH: usize = 32;
const MAX_DISTINCT_CHILDREN: usize = 256;
const MAX_NODES: usize = 16_384;

/// One XML node: text, an element with named children, or repeated siblings.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Text(Cow<'a, str>),
    Element(Vec<(&'a str, Node<'a>)>),
    List(Vec<Node<'a>>),
}

impl<'a> Node<'a> {
    /// The children of an element (empty for text).
    pub(crate) fn fields(&self) -> &[(&'a str, Node<'a>)] {
        match self {
            Node::Element(children) => children,
            _ => &[],
        }
    }

    /// The text of the child `name`, if it is a leaf.
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        self.fields()
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, node)| match node {
                Node::Text(t) => Some(t.as_ref()),
                _ => None,
            })
    }

    /// The node as a JSON value: text becomes strings, elements objects, lists arrays.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Node::Text(t) => Value::String(t.to_string()),
            Node::Element(children) => {
                let mut map = Map::new();
                for (name, child) in children {
                    map.insert((*name).to_owned(), child.to_value());
                }
                Value::Object(map)
            }
            Node::List(items) => Value::Array(items.iter().map(Node::to_value).collect()),
        }
    }
}

struct Frame<'a> {
    name: &'a str,
    children: Vec<(&'a str, Node<'a>)>,
    text: Option<Cow<'a, str>>,
}

fn malformed(msg: impl fmt::Display) -> CallbackError {
    CallbackError::Malformed(msg.to_string())
}

fn append<'a>(slot: &mut Option<Cow<'a, str>>, more: Cow<'a, str>) {
    match slot {
        None => *slot = Some(more),
        Some(existing) => existing.to_mut().push_str(&more),
    }
}

fn push_child<'a>(
    children: &mut Vec<(&'a str, Node<'a>)>,
    name: &'a str,
    node: Node<'a>,
) -> Result<(), CallbackError> {
    // Length and first byte first: most siblings differ there, and it spares a memcmp call.
    let first = name.as_bytes().first();
    let same = |n: &str| n.len() == name.len() && n.as_bytes().first() == first && n == name;
    if let Some((_, existing)) = children.iter_mut().find(|(n, _)| same(n)) {
        match existing {
            Node::List(items) => items.push(node),
            other => {
                let first = std::mem::replace(other, Node::List(Vec::with_capacity(2)));
                if let Node::List(items) = other {
                    items.push(first);
                    items.push(node);
                }
            }
        }
        return Ok(());
    }
    if children.len() >= MAX_DISTINCT_CHILDREN {
        return Err(malformed("too many distinct child elements"));
    }
    children.push((name, node));
    Ok(())
}

/// `bytes` as a slice of `input` when it points into it (the reader borrows from it), which
/// spares re-validating UTF-8; `None` otherwise.
fn slice_of<'a>(input: &'a str, bytes: &[u8]) -> Option<&'a str> {
    let offset = (bytes.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
    input
        .get(offset..offset.wrapping_add(bytes.len()))
        .filter(|s| s.as_bytes().as_ptr() == bytes.as_ptr())
}

/// The element name as a slice of the input (the reader borrows from it).
fn element_name<'a>(
    input: &'a str,
    start: &quick_xml::events::BytesStart<'_>,
) -> Result<&'a str, CallbackError> {
    let name = start.name();
    slice_of(input, name.as_ref()).ok_or_else(|| malformed("element name outside the input"))
}

/// Parses a document and returns its root element (`<xml>...</xml>`, any root name).
pub(crate) fn parse(input: &str) -> Result<Node<'_>, CallbackError> {
    if let Some(root) = parse_flat(input) {
        return Ok(root);
    }
    parse_full(input)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':')
}

/// `<name>` at the start of `s`: the name and the rest after `>`.
fn open_tag(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('<')?;
    let end = memchr::memchr(b'>', rest.as_bytes())?;
    let name = &rest[..end];
    if name.is_empty() || !name.bytes().all(is_name_byte) {
        return None;
    }
    Some((name, &rest[end + 1..]))
}

/// `</name>` at the start of `s`: the rest after it.
fn close_tag<'s>(s: &'s str, name: &str) -> Option<&'s str> {
    let rest = s.strip_prefix("</")?.strip_prefix(name)?;
    rest.strip_prefix('>')
}

/// The fast path for WeChat's usual documents: one root whose children are all leaves
/// holding one CDATA section or plain text without references. Anything else (nesting,
/// attributes, comments, entities, mixed content) returns `None` and goes through
/// quick-xml; for what it accepts the result is identical.
fn parse_flat(input: &str) -> Option<Node<'_>> {
    let mut s = input.trim_start();
    if s.starts_with("<?") {
        s = s[s.find("?>")? + 2..].trim_start();
    }
    let (root, mut s) = open_tag(s)?;
    let mut children = Vec::with_capacity(12);
    loop {
        s = s.trim_start();
        if let Some(rest) = close_tag(s, root) {
            if !rest.trim().is_empty() || children.is_empty() {
                return None;
            }
            return Some(Node::Element(children));
        }
        let (name, rest) = open_tag(s)?;
        let (text, rest) = match rest.strip_prefix("<![CDATA[") {
            Some(cdata) => {
                let end = find_cdata_end(cdata)?;
                (&cdata[..end], &cdata[end + 3..])
            }
            None => {
                let end = memchr::memchr(b'<', rest.as_bytes())?;
                let text = &rest[..end];
                if memchr::memchr(b'&', text.as_bytes()).is_some() {
                    return None;
                }
                (text, &rest[end..])
            }
        };
        s = close_tag(rest, name)?;
        if children.len() >= MAX_NODES {
            return None;
        }
        push_child(&mut children, name, Node::Text(Cow::Borrowed(text))).ok()?;
    }
}

/// The general parser (quick-xml).
pub(crate) fn parse_full(input: &str) -> Result<Node<'_>, CallbackError> {
    let mut reader = quick_xml::Reader::from_str(input);
    let mut stack: Vec<Frame<'_>> = Vec::with_capacity(4);
    let mut root: Option<Node<'_>> = None;
    let mut nodes = 0usize;
    loop {
        let event = reader.read_event().map_err(malformed)?;
        match event {
            XmlEvent::Start(start) => {
                if root.is_some() {
                    return Err(malformed("content after the root element"));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(malformed("elements nested too deeply"));
                }
                nodes += 1;
                if nodes > MAX_NODES {
                    return Err(malformed("too many elements"));
                }
                let name = element_name(input, &start)?;
                stack.push(Frame {
                    name,
                    children: Vec::with_capacity(if stack.is_empty() { 12 } else { 4 }),
                    text: None,
                });
            }
            XmlEvent::Empty(start) => {
                nodes += 1;
                if nodes > MAX_NODES {
                    return Err(malformed("too many elements"));
                }
                let name = element_name(input, &start)?;
                match stack.last_mut() {
                    Some(parent) => {
                        push_child(&mut parent.children, name, Node::Text(Cow::Borrowed("")))?
                    }
                    None if root.is_none() => root = Some(Node::Element(Vec::new())),
                    None => return Err(malformed("content after the root element")),
                }
            }
            XmlEvent::End(_) => {
                let frame = stack.pop().ok_or_else(|| malformed("unmatched end tag"))?;
                let node = if frame.children.is_empty() {
                    Node::Text(frame.text.unwrap_or(Cow::Borrowed("")))
                } else {
                    Node::Element(frame.children)
                };
                match stack.last_mut() {
                    Some(parent) => push_child(&mut parent.children, frame.name, node)?,
                    None => {
                        root = Some(match node {
                            Node::Text(_) => Node::Element(Vec::new()),
                            other => other,
                        })
                    }
                }
            }
            XmlEvent::Text(text) => {
                if let Some(frame) = stack.last_mut() {
                    let text = match slice_of(input, &text) {
                        Some(t) => Cow::Borrowed(t),
                        None => text.decode().map_err(malformed)?,
                    };
                    append(&mut frame.text, text);
                }
            }
            XmlEvent::CData(cdata) => {
                if let Some(frame) = stack.last_mut() {
                    let text = match slice_of(input, &cdata) {
                        Some(t) => Cow::Borrowed(t),
                        None => cdata.decode().map_err(malformed)?,
                    };
                    append(&mut frame.text, text);
                }
            }
            XmlEvent::GeneralRef(reference) => {
                if let Some(frame) = stack.last_mut() {
                    let resolved = if reference.is_char_ref() {
                        let ch = reference
                            .resolve_char_ref()
                            .map_err(malformed)?
                            .ok_or_else(|| malformed("bad character reference"))?;
                        Cow::Owned(ch.to_string())
                    } else {
                        let name = reference.decode().map_err(malformed)?;
                        let value = resolve_predefined_entity(&name)
                            .ok_or_else(|| malformed("unknown entity"))?;
                        Cow::Borrowed(value)
                    };
                    append(&mut frame.text, resolved);
                }
            }
            XmlEvent::Eof => break,
            XmlEvent::Decl(_) | XmlEvent::PI(_) | XmlEvent::Comment(_) | XmlEvent::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(malformed("unclosed element"));
    }
    root.ok_or_else(|| malformed("no root element"))
}

/// True when the fast flat parser and quick-xml agree on `input` (the fast path declining is
/// agreement). For differential tests and fuzzing.
#[doc(hidden)]
pub fn fast_and_full_parsers_agree(input: &str) -> bool {
    match parse_flat(input) {
        None => true,
        Some(fast) => matches!(parse_full(input), Ok(full) if full == fast),
    }
}

// ---------------------------------------------------------------------------------------------
// Deserializer

/// A serde error raised while mapping a tree onto a typed value.
#[derive(Debug)]
pub(crate) struct DeError(String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }
}

/// Deserializes from a node. Text asked for as a number is parsed; blank text asked for as an
/// option is `None`; a single element asked for as a sequence is a sequence of one.
pub(crate) struct NodeDe<'de, 'a>(pub(crate) &'de Node<'a>);

impl<'de, 'a> NodeDe<'de, 'a> {
    fn text(&self) -> Option<&'de str> {
        match self.0 {
            Node::Text(t) => Some(t.as_ref()),
            _ => None,
        }
    }

    fn unexpected(&self) -> de::Unexpected<'static> {
        match self.0 {
            Node::Text(_) => de::Unexpected::Other("text"),
            Node::Element(_) => de::Unexpected::Map,
            Node::List(_) => de::Unexpected::Seq,
        }
    }
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident : $ty:ty),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                match self.text() {
                    Some(t) => match t.trim().parse::<$ty>() {
                        Ok(n) => visitor.$visit(n),
                        Err(_) => Err(de::Error::invalid_value(de::Unexpected::Str(t), &visitor)),
                    },
                    None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
                }
            }
        )*
    };
}

impl<'de, 'a: 'de> de::Deserializer<'de> for NodeDe<'de, 'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Node::Text(t) => visitor.visit_borrowed_str(t.as_ref()),
            Node::Element(children) => visitor.visit_map(FieldsAccess {
                fields: children.iter(),
                value: None,
            }),
            Node::List(items) => visitor.visit_seq(ItemsAccess(items.iter())),
        }
    }

    parse_number! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.text().map(str::trim) {
            Some("true" | "1") => visitor.visit_bool(true),
            Some("false" | "0") => visitor.visit_bool(false),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.text() {
            Some(t) if t.trim().is_empty() => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Node::List(items) => visitor.visit_seq(ItemsAccess(items.iter())),
            Node::Text(t) if t.trim().is_empty() => visitor.visit_seq(ItemsAccess([].iter())),
            single => visitor.visit_seq(ItemsAccess(std::slice::from_ref(single).iter())),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Node::Element(children) => visitor.visit_map(FieldsAccess {
                fields: children.iter(),
                value: None,
            }),
            Node::Text(t) if t.trim().is_empty() => visitor.visit_map(FieldsAccess {
                fields: [].iter(),
                value: None,
            }),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.text() {
            Some(t) => visitor.visit_enum(t.trim().into_deserializer()),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf identifier
    }
}

struct FieldsAccess<'de, 'a> {
    fields: std::slice::Iter<'de, (&'a str, Node<'a>)>,
    value: Option<&'de Node<'a>>,
}

impl<'de, 'a: 'de> MapAccess<'de> for FieldsAccess<'de, 'a> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.fields.next() {
            Some((name, node)) => {
                self.value = Some(node);
                seed.deserialize(BorrowedStrDeserializer::new(name))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(node) => seed.deserialize(NodeDe(node)),
            None => Err(de::Error::custom("value without a key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

struct ItemsAccess<'de, 'a>(std::slice::Iter<'de, Node<'a>>);

impl<'de, 'a: 'de> SeqAccess<'de> for ItemsAccess<'de, 'a> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.0.next() {
            Some(node) => seed.deserialize(NodeDe(node)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

// ---------------------------------------------------------------------------------------------
// Writer

/// Where the writer puts text: a `String`, a byte counter (to size a buffer before writing),
/// or a fixed slice.
pub(crate) trait Out {
    /// Appends `s`.
    fn put(&mut self, s: &str);
}

impl Out for String {
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// Counts the bytes a writer would write.
#[derive(Debug, Default)]
pub(crate) struct Measure(pub(crate) usize);

impl Out for Measure {
    fn put(&mut self, s: &str) {
        self.0 += s.len();
    }
}

/// Writes into a slice sized beforehand (with [`Measure`]); what does not fit is counted as
/// overflow instead of written.
pub(crate) struct SliceOut<'b> {
    buf: &'b mut [u8],
    len: usize,
    overflow: bool,
}

impl<'b> SliceOut<'b> {
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        Self {
            buf,
            len: 0,
            overflow: false,
        }
    }

    /// The bytes written, or `None` if the text did not fit (or did not fill the slice).
    pub(crate) fn filled(&self) -> Option<usize> {
        (!self.overflow && self.len == self.buf.len()).then_some(self.len)
    }
}

impl Out for SliceOut<'_> {
    fn put(&mut self, s: &str) {
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(dst) if !self.overflow => {
                dst.copy_from_slice(s.as_bytes());
                self.len += s.len();
            }
            _ => self.overflow = true,
        }
    }
}

/// Appends `text` as CDATA, splitting any `]]>` so the section cannot be closed early.
pub(crate) fn push_cdata<O: Out + ?Sized>(out: &mut O, text: &str) {
    out.put("<![CDATA[");
    let mut rest = text;
    while let Some(i) = find_cdata_end(rest) {
        out.put(&rest[..i + 2]);
        out.put("]]><![CDATA[");
        rest = &rest[i + 2..];
    }
    out.put(rest);
    out.put("]]>");
}

/// Position of the first `]]>` (memchr on `]`, which most text never contains).
fn find_cdata_end(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b']', &text.as_bytes()[from..]) {
        let at = from + i;
        if text.as_bytes()[at..].starts_with(b"]]>") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Appends `<name><![CDATA[text]]></name>`.
pub(crate) fn push_cdata_element<O: Out + ?Sized>(out: &mut O, name: &str, text: &str) {
    out.put("<");
    out.put(name);
    out.put(">");
    push_cdata(out, text);
    out.put("</");
    out.put(name);
    out.put(">");
}

/// Appends `<name>text</name>` for text known to need no escaping (numbers).
pub(crate) fn push_plain_element<O: Out + ?Sized>(out: &mut O, name: &str, text: &str) {
    out.put("<");
    out.put(name);
    out.put(">");
    out.put(text);
    out.put("</");
    out.put(name);
    out.put(">");
}

fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Writes a JSON object as WeChat-style XML elements: strings as CDATA, numbers and booleans
/// as text, objects nested, arrays as repeated elements, nulls and invalid names skipped.
pub(crate) fn write_fields(out: &mut String, fields: &Map<String, Value>) {
    for (name, value) in fields {
        write_value(out, name, value);
    }
}

fn write_value(out: &mut String, name: &str, value: &Value) {
    if !is_xml_name(name) {
        return;
    }
    match value {
        Value::Null => {}
        // Digits go out as text, as WeChat writes ids and times.
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            push_plain_element(out, name, s)
        }
        Value::String(s) => push_cdata_element(out, name, s),
        Value::Bool(b) => push_plain_element(out, name, if *b { "true" } else { "false" }),
        Value::Number(n) => push_plain_element(out, name, &n.to_string()),
        Value::Object(map) => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            write_fields(out, map);
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        Value::Array(items) => {
            for item in items {
                write_value(out, name, item);
            }
        }
    }
}

/// `<xml>` + fields + `</xml>`.
pub(crate) fn document(fields: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("<xml>");
    write_fields(&mut out, fields);
    out.push_str("</xml>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn parses_flat_and_nested() {
        let doc = parse(
            "<?xml version=\"1.0\"?><xml><A><![CDATA[x]]]]><![CDATA[>y]]></A><B> 12 </B>\
             <C><D>1</D><D>2</D></C><E/><F>a&amp;b&#x4E2D;</F></xml>",
        )
        .unwrap();
        assert_eq!(doc.text("A"), Some("x]]>y"));
        assert_eq!(doc.text("E"), Some(""));
        assert_eq!(doc.text("F"), Some("a&b中"));

        #[derive(Deserialize, Debug, PartialEq)]
        struct C {
            #[serde(rename = "D")]
            d: Vec<u8>,
        }
        #[derive(Deserialize, Debug, PartialEq)]
        struct Doc {
            #[serde(rename = "B")]
            b: u64,
            #[serde(rename = "C")]
            c: C,
            #[serde(rename = "E")]
            e: Option<u32>,
        }
        let typed = Doc::deserialize(NodeDe(&doc)).unwrap();
        assert_eq!(
            typed,
            Doc {
                b: 12,
                c: C { d: vec![1, 2] },
                e: None
            }
        );
    }

    #[test]
    fn rejects_garbage_without_panicking() {
        for bad in [
            "",
            "<xml>",
            "<a></b>",
            "<xml></xml><xml></xml>",
            "&bogus;",
            "<x>&bogus;</x>",
        ] {
            let _ = parse(bad);
        }
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn cdata_writer_escapes_terminators() {
        let mut out = String::new();
        push_cdata(&mut out, "a]]>b]]>");
        let input = format!("<xml><X>{out}</X></xml>");
        let doc = parse(&input).unwrap();
        assert_eq!(doc.text("X"), Some("a]]>b]]>"));
    }
}
