//! Scanning a participant's QR code with the camera, where the browser has
//! the BarcodeDetector API (Chrome on Android). Elsewhere it says so and
//! points to pasting links instead.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::text::{t, Ui};
use crate::assessment::Lang;

fn detector_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

#[derive(Clone, PartialEq, Properties)]
pub struct ScannerProps {
    pub lang: Lang,
    /// Called with the text of each QR code read.
    pub on_code: Callback<String>,
}

#[component]
pub fn Scanner(props: &ScannerProps) -> Html {
    let lang = props.lang;
    let message = use_state(|| None::<&'static str>);
    let video = use_node_ref();
    // Shared with the scanning loop so closing or leaving stops the camera.
    let running = use_mut_ref(|| Rc::new(Cell::new(false)));
    let active = use_state(|| false);
    {
        let running = running.borrow().clone();
        use_effect_with((), move |_| move || running.set(false));
    }

    let start = {
        let (message, video, active) = (message.clone(), video.clone(), active.clone());
        let running = running.borrow().clone();
        let on_code = props.on_code.clone();
        Callback::from(move |_| {
            let Some(class) = detector_class() else {
                message.set(Some(t(lang, Ui::NoScanner)));
                return;
            };
            let (message, video, active, running, on_code) = (
                message.clone(),
                video.clone(),
                active.clone(),
                running.clone(),
                on_code.clone(),
            );
            active.set(true);
            running.set(true);
            message.set(Some(t(lang, Ui::Scanning)));
            spawn_local(async move {
                let result = scan(&class, &video, &running).await;
                running.set(false);
                active.set(false);
                match result {
                    Ok(Some(text)) => {
                        message.set(None);
                        on_code.emit(text);
                    }
                    Ok(None) => message.set(None),
                    Err(_) => message.set(Some(t(lang, Ui::CameraFailed))),
                }
            });
        })
    };
    let stop = {
        let running = running.borrow().clone();
        Callback::from(move |_| running.set(false))
    };
    html! {
        <div class="scanner">
            if *active {
                <video ref={video} class="camera" muted=true playsinline=true aria-label={t(lang, Ui::CameraView)}></video>
                <button type="button" class="secondary" onclick={stop}>{ t(lang, Ui::StopScan) }</button>
            } else {
                <button type="button" class="secondary" onclick={start}>{ t(lang, Ui::ScanQr) }</button>
            }
            if let Some(m) = *message {
                <p class="notice" role="status">{ m }</p>
            }
        </div>
    }
}

/// Opens the back camera and looks for a QR code a few times a second until
/// one is found or `running` is cleared. Always stops the camera.
async fn scan(
    class: &Function,
    video: &NodeRef,
    running: &Cell<bool>,
) -> Result<Option<String>, JsValue> {
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
            if let Some(v) = video.cast::<web_sys::HtmlVideoElement>() {
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
