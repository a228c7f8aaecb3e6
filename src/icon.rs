//! Ferry's app icon for the window (title bar, task switcher, X11 taskbars).
//!
//! The 256 px PNG from `assets/icons/hicolor/` is built into the binary and decoded once at start;
//! the drawing's source is `assets/ferry.svg` (regenerate the PNGs with `assets/make-icons.sh`).
//! Packages install the same PNGs as the desktop's icons (Linux hicolor theme, `.icns`, `.ico`).

use iced::window::icon::{self, Icon};

/// The embedded icon file: large enough for any window decoration, small in the binary (~10 KB).
const ICON_PNG: &[u8] = include_bytes!("../assets/icons/hicolor/256x256/apps/ferry.png");

/// The window icon, or `None` if it cannot be decoded (never expected: a unit test decodes it), in
/// which case the window simply opens with the platform's default icon.
pub fn window_icon() -> Option<Icon> {
    match decode_rgba(ICON_PNG) {
        Ok((rgba, width, height)) => match icon::from_rgba(rgba, width, height) {
            Ok(icon) => Some(icon),
            Err(err) => {
                tracing::warn!("window icon rejected: {err}");
                None
            }
        },
        Err(err) => {
            tracing::warn!("window icon unreadable: {err}");
            None
        }
    }
}

/// Decodes a PNG of any colour type and bit depth into 8-bit RGBA pixels, with its width and height.
fn decode_rgba(bytes: &[u8]) -> Result<(Vec<u8>, u32, u32), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // Palette → RGB(A), low bit depths → 8 bits, 16 bits → 8 bits.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("PNG too large for memory")?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(frame.buffer_size());
    let pixels = (frame.width as usize) * (frame.height as usize);
    let rgba = match frame.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        // normalize_to_color8 expands palettes, so an indexed frame cannot come out of it.
        png::ColorType::Indexed => return Err("PNG palette not expanded".into()),
    };
    debug_assert_eq!(rgba.len(), pixels * 4);
    Ok((rgba, frame.width, frame.height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_icon_decodes_to_a_256_px_square_with_transparent_corners() {
        let (rgba, width, height) = decode_rgba(ICON_PNG).expect("icon PNG decodes");
        assert_eq!((width, height), (256, 256));
        assert_eq!(rgba.len(), 256 * 256 * 4);
        let alpha = |x: usize, y: usize| rgba[(y * 256 + x) * 4 + 3];
        // Rounded tile: the corners are see-through, the middle is solid.
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(255, 255), 0);
        assert_eq!(alpha(128, 128), 255);

        let icon = window_icon().expect("window icon builds");
        let (pixels, size) = icon.into_raw();
        assert_eq!((size.width, size.height), (256, 256));
        assert_eq!(pixels, rgba);
    }

    /// One embedded hicolor PNG with its nominal size.
    macro_rules! hicolor {
        ($n:literal) => {
            (
                $n,
                include_bytes!(concat!(
                    "../assets/icons/hicolor/",
                    stringify!($n),
                    "x",
                    stringify!($n),
                    "/apps/ferry.png"
                ))
                .as_slice(),
            )
        };
    }

    #[test]
    fn every_hicolor_size_decodes_at_its_nominal_size() {
        let sizes: [(u32, &[u8]); 8] = [
            hicolor!(16),
            hicolor!(24),
            hicolor!(32),
            hicolor!(48),
            hicolor!(64),
            hicolor!(128),
            hicolor!(256),
            hicolor!(512),
        ];
        for (n, bytes) in sizes {
            let (rgba, width, height) = decode_rgba(bytes).expect("PNG decodes");
            assert_eq!((width, height), (n, n), "{n}x{n}");
            assert_eq!(rgba.len(), (n * n * 4) as usize, "{n}x{n}");
        }
    }
}
