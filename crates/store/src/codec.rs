//! How analyses and story profiles are encoded for storage: postcard, a compact binary serde
//! format (chosen over JSON by measurement: see the README's store section). An article's text
//! is stored once, beside its analysis, and left out of the encoded analysis.

use newsbrief::AnalyzedArticle;

use crate::cluster::StoryProfile;
use crate::error::{Error, Result};

/// The analysis of an article, encoded without its text.
///
/// # Panics
///
/// Never: every analysis is serialisable (postcard fails only on types serde cannot describe).
pub fn encode_analysis(article: &AnalyzedArticle) -> Vec<u8> {
    let without_text = AnalyzedArticle { text: String::new(), ..article.clone() };
    postcard::to_stdvec(&without_text).expect("an analysis always encodes")
}

/// An analysis decoded, with its text put back.
///
/// # Errors
///
/// [`Error::Damaged`] when the bytes are not an encoded analysis.
pub fn decode_analysis(bytes: &[u8], text: String) -> Result<AnalyzedArticle> {
    let mut article: AnalyzedArticle =
        postcard::from_bytes(bytes).map_err(|err| Error::Damaged(format!("an analysis cannot be decoded: {err}")))?;
    article.text = text;
    Ok(article)
}

/// A story profile, encoded.
///
/// # Panics
///
/// Never: every profile is serialisable.
pub fn encode_profile(profile: &StoryProfile) -> Vec<u8> {
    postcard::to_stdvec(profile).expect("a profile always encodes")
}

/// A story profile decoded.
///
/// # Errors
///
/// [`Error::Damaged`] when the bytes are not an encoded profile.
pub fn decode_profile(bytes: &[u8]) -> Result<StoryProfile> {
    postcard::from_bytes(bytes).map_err(|err| Error::Damaged(format!("a story profile cannot be decoded: {err}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_round_trips_without_storing_its_text_twice() {
        let text = "Rescuers searched the rubble on Tuesday. \"We will not stop,\" said Ana Ruiz of the Red Cross.";
        let meta = newsbrief::Metadata { published: "2010-01-13".parse().ok(), ..Default::default() };
        let article = newsbrief::Article { input: "a.txt".into(), given_id: Some("7".into()), text: text.into(), meta };
        let analyzed = newsbrief::analyze(article, newsbrief::Depth::Full);
        let bytes = encode_analysis(&analyzed);
        assert!(!bytes.windows(8).any(|w| w == b"Rescuers"));
        assert_eq!(decode_analysis(&bytes, text.to_owned()).unwrap(), analyzed);
        assert!(matches!(decode_analysis(&bytes[..bytes.len() / 2], String::new()), Err(Error::Damaged(_))));
    }

    #[test]
    fn a_profile_round_trips_exactly() {
        let mut profile = StoryProfile::new(3);
        profile.terms = vec![(1, 0.1), (u64::MAX, 1.0 / 3.0)];
        profile.first_day = Some(733_000);
        assert_eq!(decode_profile(&encode_profile(&profile)).unwrap(), profile);
    }
}
