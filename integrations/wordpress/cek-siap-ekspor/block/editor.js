/* The block in the editor: plain JavaScript on WordPress's own globals, no
 * build step. The editor shows a labelled placeholder with the settings; the
 * page itself is rendered on the server (render_callback), like the shortcode. */
(function (wp) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var components = wp.components;
	var blockEditor = wp.blockEditor;

	var fields = [
		['orgName', __('Organisation name', 'cek-siap-ekspor')],
		['orgLogo', __('Logo address', 'cek-siap-ekspor')],
		['whatsapp', __('WhatsApp number', 'cek-siap-ekspor')],
		['email', __('Email', 'cek-siap-ekspor')],
		['address', __('Address', 'cek-siap-ekspor')],
		['theme', __('Theme colour (e.g. #0b5394)', 'cek-siap-ekspor')],
		['config', __('Configuration file on this site (e.g. /wp-content/uploads/cek.json)', 'cek-siap-ekspor')],
		['title', __('Frame title for screen readers', 'cek-siap-ekspor')]
	];

	wp.blocks.registerBlockType('cek-siap-ekspor/widget', {
		edit: function (props) {
			var a = props.attributes;
			var set = props.setAttributes;
			var controls = [
				el(components.SelectControl, {
					key: 'lang',
					label: __('Language', 'cek-siap-ekspor'),
					value: a.lang,
					options: [
						{ label: 'Bahasa Indonesia', value: 'id' },
						{ label: 'English', value: 'en' }
					],
					onChange: function (v) { set({ lang: v }); }
				})
			].concat(fields.map(function (f) {
				return el(components.TextControl, {
					key: f[0],
					label: f[1],
					value: a[f[0]],
					onChange: function (v) { var o = {}; o[f[0]] = v; set(o); }
				});
			})).concat([
				el(components.ToggleControl, {
					key: 'scan',
					label: __('Allow the camera (QR scanning for trainers)', 'cek-siap-ekspor'),
					checked: !!a.scan,
					onChange: function (v) { set({ scan: v }); }
				})
			]);
			return el('div', blockEditor.useBlockProps(),
				el(blockEditor.InspectorControls, null,
					el(components.PanelBody, { title: __('Widget settings', 'cek-siap-ekspor') }, controls)),
				el(components.Placeholder, {
					icon: 'yes-alt',
					label: 'Cek Siap Ekspor',
					instructions: __('The assessment appears here on the published page. Its settings are in the block sidebar.', 'cek-siap-ekspor')
				}));
		},
		save: function () { return null; }
	});
}(window.wp));
