//! Plain data and text utilities, used by every layer above.

pub mod model;
pub mod paths;
pub mod profile;
pub mod text;
