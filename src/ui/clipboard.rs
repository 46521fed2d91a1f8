//! The clipboard and the print dialog: copying a text, selecting a field's text where copying is not allowed, and printing the page.

/// Copies `text`; false if the browser refused (no permission, no clipboard).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the text of the input `id`, so a long press copies it.
pub fn select(id: &str) {
    if let Some(field) = gloo::utils::document().get_element_by_id(id) {
        let field: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(field);
        field.select();
    }
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
