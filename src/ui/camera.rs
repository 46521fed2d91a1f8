//! Adapter: the camera and the browser's QR detector (BarcodeDetector, in
//! Chrome on Android): opening the back camera into a <video>, reading QR
//! codes from it, and always stopping the camera. Plain values in and out.

use std::cell::Cell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser's QR detector, where there is one.
pub struct QrDetector(Function);

impl QrDetector {
    pub fn new() -> Option<QrDetector> {
        let window = web_sys::window()?;
        Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
            .ok()?
            .dyn_into::<Function>()
            .ok()
            .map(QrDetector)
    }

    /// Opens the back camera into the `video` element (once it exists) and
    /// looks for a QR code a few times a second until one is found or
    /// `running` is cleared. Always stops the camera.
    pub async fn scan(
        &self,
        video: impl Fn() -> Option<web_sys::HtmlVideoElement>,
        running: &Cell<bool>,
    ) -> Result<Option<String>, JsValue> {
        let class = &self.0;
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let constraints = web_sys::MediaStreamConstraints::new();
        let facing = Object::new();
        Reflect::set(&facing, &"facingMode".into(), &"environment".into())?;
        constraints.set_video(&facing);
        let stream: web_sys::MediaStream = JsFuture::from(
            window
                .navigator()
                .media_devices()?
                .get_user_media_with_constraints(&constraints)?,
        )
        .await?
        .dyn_into()?;

        let found = async {
            // The <video> appears after the re-render that set `active`.
            let element = loop {
                if let Some(v) = video() {
                    break v;
                }
                gloo::timers::future::TimeoutFuture::new(50).await;
            };
            element.set_src_object(Some(&stream));
            let _ = element.play();
            let options = Object::new();
            Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
            let detector = Reflect::construct(class, &Array::of1(&options))?;
            let detect: Function = Reflect::get(&detector, &"detect".into())?.dyn_into()?;
            while running.get() {
                let promise: Promise = detect.call1(&detector, &element)?.dyn_into()?;
                if let Ok(codes) = JsFuture::from(promise).await {
                    let codes = Array::from(&codes);
                    if let Some(first) = codes.iter().next() {
                        let text = Reflect::get(&first, &"rawValue".into())?.as_string();
                        if text.is_some() {
                            return Ok(text);
                        }
                    }
                }
                gloo::timers::future::TimeoutFuture::new(300).await;
            }
            Ok(None)
        }
        .await;
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
        found
    }
}
