//! The trainer's "Pindai QR" button: scanning a participant's QR code with
//! the camera (`camera.rs`), where the browser can (Chrome on Android).
//! Elsewhere it says so and points to pasting links instead.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::camera;
use super::text::{t, Ui};
use crate::assessment::Lang;

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
            let Some(detector) = camera::QrDetector::new() else {
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
                let element = move || video.cast::<web_sys::HtmlVideoElement>();
                let result = detector.scan(element, &running).await;
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
