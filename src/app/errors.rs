//! An error chain's messages in the user's language. Library errors implement [`Bilingual`];
//! behind an `anyhow` chain they are only `dyn Error`, so this is the one place that knows them
//! all. Errors of other crates keep their own (English) text, except the standard library's I/O
//! and UTF-8 errors, which the command line meets most.

use crate::base::model::{Bilingual, Lang};
use crate::base::text::io_error_msg;
use std::error::Error;

/// `error`'s own message (without its sources) in `lang`, when the library can say it.
pub fn in_lang(error: &(dyn Error + 'static), lang: Lang) -> Option<String> {
    macro_rules! bilingual {
        ($($kind:ty),* $(,)?) => {
            $(
                if let Some(e) = error.downcast_ref::<$kind>() {
                    return Some(e.msg().get(lang).to_string());
                }
            )*
        };
    }
    bilingual!(
        crate::adapters::fs::AdapterError,
        crate::adapters::remote::RemoteError,
        crate::adapters::write::WriteError,
        crate::app::AppError,
        crate::app::evaluate::EvaluateError,
        crate::app::fix::FixError,
        crate::base::paths::PathError,
        crate::engine::EngineError,
        crate::engine::config::ConfigError,
        crate::evaluate::file::FileError,
        crate::parse::govreport::GovReportError,
        crate::render::report_writer::WriteError,
    );
    #[cfg(feature = "cli")]
    bilingual!(crate::app::action::ActionError);
    if let Some(e) = error.downcast_ref::<std::io::Error>() {
        return Some(io_error_msg(e).get(lang).to_string());
    }
    if lang == Lang::En {
        return None;
    }
    let utf8 = error
        .downcast_ref::<std::string::FromUtf8Error>()
        .map(std::string::FromUtf8Error::utf8_error)
        .or_else(|| error.downcast_ref::<std::str::Utf8Error>().copied());
    utf8.map(|e| format!("ugyldig UTF-8 fra byte {}", e.valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::paths::PathError;

    #[test]
    fn a_library_error_behind_dyn_error_is_said_in_the_language_asked() {
        let error: Box<dyn Error> = Box::new(PathError::NotAFile { path: "x/".into() });
        let da = in_lang(error.as_ref(), Lang::Da).expect("known");
        let en = in_lang(error.as_ref(), Lang::En).expect("known");
        assert_eq!(da, "x/ er ikke et filnavn; intet blev skrevet");
        assert_eq!(en, error.to_string());
    }

    #[test]
    fn io_and_utf8_errors_in_danish_and_others_untouched() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(in_lang(&io, Lang::Da).as_deref(), Some("adgang nægtet"));
        let bytes = vec![b'a', 0xff];
        let utf8 = String::from_utf8(bytes).expect_err("not UTF-8");
        assert_eq!(
            in_lang(&utf8, Lang::Da).as_deref(),
            Some("ugyldig UTF-8 fra byte 1")
        );
        assert_eq!(in_lang(&utf8, Lang::En), None);
        let other = std::fmt::Error;
        assert_eq!(in_lang(&other, Lang::Da), None);
    }
}
