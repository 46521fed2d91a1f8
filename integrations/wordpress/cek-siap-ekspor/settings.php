<?php
/**
 * Settings → Cek Siap Ekspor: the widget's address, for administrators only.
 * The Settings API does the form's nonce and capability checks
 * (options.php); the address is checked by cek_siap_ekspor_check_host().
 *
 * @package CekSiapEkspor
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'admin_init', 'cek_siap_ekspor_register_setting' );
add_action( 'admin_menu', 'cek_siap_ekspor_menu' );

/** The option, with its check on every save. */
function cek_siap_ekspor_register_setting() {
	register_setting(
		'cek_siap_ekspor',
		CEK_SIAP_EKSPOR_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'cek_siap_ekspor_sanitize_host',
			'show_in_rest'      => false,
		)
	);
}

/**
 * Keeps the old address when the new one is refused, and says why.
 *
 * @param mixed $value What was submitted.
 */
function cek_siap_ekspor_sanitize_host( $value ) {
	$checked = cek_siap_ekspor_check_host( $value );
	if ( is_wp_error( $checked ) ) {
		// WordPress runs this twice when the option is first added; one
		// message is enough.
		$shown = wp_list_pluck( get_settings_errors( CEK_SIAP_EKSPOR_OPTION ), 'code' );
		if ( ! in_array( 'cek_host', $shown, true ) ) {
			add_settings_error( CEK_SIAP_EKSPOR_OPTION, 'cek_host', $checked->get_error_message(), 'error' );
		}
		return cek_siap_ekspor_host();
	}
	return $checked;
}

/** The page under Settings. */
function cek_siap_ekspor_menu() {
	add_options_page(
		__( 'Cek Siap Ekspor', 'cek-siap-ekspor' ),
		__( 'Cek Siap Ekspor', 'cek-siap-ekspor' ),
		'manage_options',
		'cek-siap-ekspor',
		'cek_siap_ekspor_settings_page'
	);
}

/** The form, and what the widget host and this site's CSP must allow. */
function cek_siap_ekspor_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to change these settings.', 'cek-siap-ekspor' ), 403 );
	}
	$host        = cek_siap_ekspor_host();
	$site        = cek_siap_ekspor_origin( home_url( '/' ) );
	$widget      = cek_siap_ekspor_origin( $host );
	$ancestors   = "'self' " . $site;
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<?php // WordPress shows this page's settings errors itself (options-head.php). ?>
		<form method="post" action="options.php">
			<?php settings_fields( 'cek_siap_ekspor' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="cek-siap-ekspor-host"><?php esc_html_e( 'Widget address', 'cek-siap-ekspor' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="cek-siap-ekspor-host" name="<?php echo esc_attr( CEK_SIAP_EKSPOR_OPTION ); ?>" value="<?php echo esc_attr( $host ); ?>" placeholder="https://cek.example.go.id/" aria-describedby="cek-siap-ekspor-host-help">
						<p class="description" id="cek-siap-ekspor-host-help"><?php esc_html_e( 'Where Cek Siap Ekspor is published (the folder with embed.js and widget.html). Must start with https://. Authors cannot change it.', 'cek-siap-ekspor' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>

		<h2><?php esc_html_e( 'What the widget host must allow', 'cek-siap-ekspor' ); ?></h2>
		<p><?php esc_html_e( 'The widget host only lets listed sites show the widget. Its pages must be served with this header (with scripts/serve.mjs: the FRAME_ANCESTORS setting), or visitors see a message and a link instead of the widget:', 'cek-siap-ekspor' ); ?></p>
		<p><code id="cek-siap-ekspor-frame-ancestors"><?php echo esc_html( $ancestors ); ?></code></p>
		<p><code>Content-Security-Policy: frame-ancestors <?php echo esc_html( $ancestors ); ?></code></p>
		<?php if ( '' !== $widget ) : ?>
			<p><?php esc_html_e( 'If this site sends its own Content-Security-Policy, it must allow the widget host in script-src and frame-src:', 'cek-siap-ekspor' ); ?></p>
			<p><code id="cek-siap-ekspor-host-csp">script-src <?php echo esc_html( $widget ); ?>; frame-src <?php echo esc_html( $widget ); ?></code></p>
		<?php endif; ?>

		<h2><?php esc_html_e( 'Adding the widget', 'cek-siap-ekspor' ); ?></h2>
		<p><?php esc_html_e( 'In the block editor, add the "Cek Siap Ekspor" block. Anywhere shortcodes work, write:', 'cek-siap-ekspor' ); ?></p>
		<p><code>[cek_siap_ekspor lang="id"]</code> <code>[cek_siap_ekspor lang="en" org-name="Dinas Perdagangan" theme="#0b5394"]</code></p>
		<p><?php esc_html_e( 'Attributes: lang (id or en), config (a path to a configuration file on this site), org-name, org-logo, whatsapp, email, address, theme, title, scan="true".', 'cek-siap-ekspor' ); ?></p>
	</div>
	<?php
}
