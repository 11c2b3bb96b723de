//! Offset pagination (`offset`/`count`, `total_count`) over the driver, as a stream of items.

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};

use crate::client::{Client, HttpClient, MaybeSync, Runtime, TokenStore};
use crate::endpoint::Endpoint;
use crate::error::Result;

/// The most items WeChat returns in one page of these lists.
pub const MAX_PAGE: u32 = 20;

/// One page of an offset-paged list.
pub(crate) trait OffsetPage {
    /// An entry of the list.
    type Item;
    /// How many entries the whole list holds.
    fn total(&self) -> u64;
    /// The entries of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

struct State<T> {
    offset: u32,
    items: VecDeque<T>,
    done: bool,
}

/// Calls `request(offset, count)` page after page and yields the entries one by one. A failed call is
/// yielded as the error and ends the stream; an empty page or reaching `total_count` ends it too.
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
