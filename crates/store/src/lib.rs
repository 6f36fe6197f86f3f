//! story-store: a store of analysed news articles grouped into stories as they arrive.

pub mod cluster;
