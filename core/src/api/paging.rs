//! Pagination over the driver, as streams: by offset (`offset`/`count`, `total_count`) and by
//! cursor (`cursor` in, `next_cursor` out).

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};

use crate::client::{Client, HttpClient, MaybeSync, Runtime, TokenStore};
use crate::endpoint::Endpoint;
use crate::error::Result;

/// The most items WeChat returns in one page of these lists.
pub const MAX_PAGE: u32 = 20;

/// One page of an offset-paged list.
#[cfg_attr(not(feature = "oa"), allow(dead_code))] // offset paging: Official Account lists
pub(crate) trait OffsetPage {
    /// An entry of the list.
    type Item;
    /// How many entries the whole list holds.
    fn total(&self) -> u64;
    /// The entries of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

#[cfg_attr(not(feature = "oa"), allow(dead_code))] // offset paging: Official Account lists
struct State<T> {
    offset: u32,
    items: VecDeque<T>,
    done: bool,
}

/// Calls `request(offset, count)` page after page and yields the entries one by one. A failed call is
/// yielded as the error and ends the stream; an empty page or reaching `total_count` ends it too.
#[cfg_attr(not(feature = "oa"), allow(dead_code))] // offset paging: Official Account lists
pub(crate) fn offset_stream<'a, H, S, R, E>(
    client: &'a Client<H, S, R>,
    page_size: u32,
    request: impl Fn(u32, u32) -> E + 'a,
) -> impl Stream<Item = Result<<E::Response as OffsetPage>::Item>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
    E: Endpoint + MaybeSync + 'a,
    E::Response: OffsetPage,
{
    let count = page_size.clamp(1, MAX_PAGE);
    let start = State {
        offset: 0,
        items: VecDeque::new(),
        done: false,
    };
    stream::try_unfold(start, move |mut state| {
        let next = (state.items.is_empty() && !state.done).then(|| request(state.offset, count));
        async move {
            if let Some(item) = state.items.pop_front() {
                return Ok(Some((item, state)));
            }
            let Some(next) = next else {
                return Ok(None);
            };
            let page = client.call(&next).await?;
            let total = page.total();
            let items = page.into_items();
            let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
            state.offset = state.offset.saturating_add(n);
            state.done = n == 0 || u64::from(state.offset) >= total;
            state.items.extend(items);
            Ok(state.items.pop_front().map(|item| (item, state)))
        }
    })
}

/// One page of a cursor-paged list.
#[cfg_attr(not(feature = "work"), allow(dead_code))] // cursor paging: WeCom lists
pub(crate) trait CursorPage {
    /// An entry of the list.
    type Item;
    /// The cursor of the next page; empty (or absent) on the last page.
    fn next_cursor(&self) -> &str;
    /// The entries of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Calls `request(cursor)` from no cursor on, following `next_cursor` until it is empty or
/// repeats, and yields the pages. A failed call is yielded as the error and ends the stream.
#[cfg_attr(not(feature = "work"), allow(dead_code))]
pub(crate) fn cursor_pages<'a, H, S, R, E>(
    client: &'a Client<H, S, R>,
    request: impl Fn(Option<String>) -> E + 'a,
) -> impl Stream<Item = Result<E::Response>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
    E: Endpoint + MaybeSync + 'a,
    E::Response: CursorPage,
{
    // `None`: done; `Some(cursor)`: the next page to ask for.
    stream::try_unfold(
        Some(None::<String>),
        move |state: Option<Option<String>>| {
            let call = state.map(|cursor| (request(cursor.clone()), cursor));
            async move {
                let Some((request, cursor)) = call else {
                    return Ok(None);
                };
                let page = client.call(&request).await?;
                let next = page.next_cursor();
                let more = !next.is_empty() && cursor.as_deref() != Some(next);
                let next = more.then(|| Some(next.to_owned()));
                Ok(Some((page, next)))
            }
        },
    )
}

/// [`cursor_pages`], entry by entry.
#[cfg_attr(not(feature = "work"), allow(dead_code))]
pub(crate) fn cursor_items<'a, H, S, R, E>(
    client: &'a Client<H, S, R>,
    request: impl Fn(Option<String>) -> E + 'a,
) -> impl Stream<Item = Result<<E::Response as CursorPage>::Item>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
    E: Endpoint + MaybeSync + 'a,
    E::Response: CursorPage,
{
    use futures_util::TryStreamExt;
    cursor_pages(client, request)
        .map_ok(|page| stream::iter(page.into_items().into_iter().map(Ok)))
        .try_flatten()
}
