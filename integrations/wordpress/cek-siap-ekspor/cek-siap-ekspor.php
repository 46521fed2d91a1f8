<?php
/**
 * Plugin Name:       Cek Siap Ekspor
 * Plugin URI:        https://github.com/cek-siap-ekspor/cek-siap-ekspor
 * Description:       Embeds the Cek Siap Ekspor export-readiness self-assessment for UMKM with a shortcode or a block, so authors can add it on sites that strip scripts from posts.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Cek Siap Ekspor
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       cek-siap-ekspor
 * Domain Path:       /languages
 *
 * @package CekSiapEkspor
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The one option: where the widget is served (set by an administrator). */
const CEK_SIAP_EKSPOR_OPTION = 'cek_siap_ekspor_host';
/** The handle of the widget host's loader, embed.js. */
const CEK_SIAP_EKSPOR_HANDLE = 'cek-siap-ekspor-embed';

/**
 * The shortcode's attributes and the data-attribute each becomes on the div
 * that embed.js looks for (see the top comment of the widget's embed.js).
 * The block's attributes are the same, in camelCase (block.json).
 */
function cek_siap_ekspor_attributes() {
	return array(
		'lang'      => 'lang',
		'config'    => 'config',
		'org-name'  => 'orgName',
		'org-logo'  => 'orgLogo',
		'whatsapp'  => 'whatsapp',
		'email'     => 'email',
		'address'   => 'address',
		'theme'     => 'theme',
		'title'     => 'title',
		'scan'      => 'scan',
	);
}

add_action( 'init', 'cek_siap_ekspor_init' );

/** Translations, the shortcode and the block. */
function cek_siap_ekspor_init() {
	load_plugin_textdomain( 'cek-siap-ekspor', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	add_shortcode( 'cek_siap_ekspor', 'cek_siap_ekspor_shortcode' );

	// Plain JavaScript on the editor's own globals: no build step.
	wp_register_script(
		'cek-siap-ekspor-editor',
		plugins_url( 'block/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
		'1.0.0',
		true
	);
	wp_set_script_translations( 'cek-siap-ekspor-editor', 'cek-siap-ekspor', plugin_dir_path( __FILE__ ) . 'languages' );
	register_block_type(
		__DIR__ . '/block',
		array( 'render_callback' => 'cek_siap_ekspor_render_block' )
	);
}

/**
 * The widget's address as stored, e.g. "https://cek.example.go.id/"
 * (always ending in "/"), or '' when not set.
 */
function cek_siap_ekspor_host() {
	$host = get_option( CEK_SIAP_EKSPOR_OPTION, '' );
	return is_string( $host ) ? $host : '';
}

/**
 * Checks an address typed by an administrator. Returns the normalised
 * address ("https://host[:port]/[path/]") or a WP_Error with a message for
 * the settings page.
 *
 * Only https: the widget handles a business's answers, and an http page
 * inside an https site is blocked anyway. http is accepted for localhost and
 * 127.0.0.1 only, so the plugin can be tried (and tested) on one machine.
 * Nothing that could make the script's address mean something else than it
 * looks: no user name or password, no query or fragment, no "..", no
 * percent-escapes or backslashes in the path.
 *
 * @param mixed $value What was typed.
 * @return string|WP_Error
 */
function cek_siap_ekspor_check_host( $value ) {
	$value = is_string( $value ) ? trim( $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	if ( preg_match( '/[\s\\\\\x00-\x1f\x7f]/', $value ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address must not contain spaces, backslashes or control characters.', 'cek-siap-ekspor' ) );
	}
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address must be a full address such as https://cek.example.go.id/.', 'cek-siap-ekspor' ) );
	}
	$scheme = strtolower( $parts['scheme'] );
	$host   = strtolower( $parts['host'] );
	$local  = in_array( $host, array( 'localhost', '127.0.0.1' ), true );
	if ( 'https' !== $scheme && ! ( 'http' === $scheme && $local ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address must start with https:// (http:// is accepted only for localhost and 127.0.0.1).', 'cek-siap-ekspor' ) );
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) || false !== strpbrk( $value, '@?#' ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address must not contain a user name, password, query (?) or fragment (#).', 'cek-siap-ekspor' ) );
	}
	if ( ! preg_match( '/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/', $host ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address has an invalid host name.', 'cek-siap-ekspor' ) );
	}
	$path = isset( $parts['path'] ) ? $parts['path'] : '/';
	// Directory names only: letters, digits, "-", "_", "." (but not "." or "..").
	if ( ! preg_match( '#^(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?$#', $path ) || preg_match( '#/\.\.?(/|$)#', $path ) ) {
		return new WP_Error( 'cek_host', __( 'The widget address may only have a plain folder path, such as https://example.go.id/cek-siap-ekspor/.', 'cek-siap-ekspor' ) );
	}
	$port = isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
	return $scheme . '://' . $host . $port . rtrim( $path, '/' ) . '/';
}

/** The origin of an address ("https://host[:port]"), for CSP values. */
function cek_siap_ekspor_origin( $url ) {
	$parts = wp_parse_url( $url );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$port = isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
	return strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] ) . $port;
}

/**
 * The shortcode: [cek_siap_ekspor lang="en" org-name="Dinas ..." theme="#0b5"].
 * Attribute names may also use "_" (org_name).
 *
 * @param array|string $atts As WordPress parsed them.
 */
function cek_siap_ekspor_shortcode( $atts ) {
	$atts   = is_array( $atts ) ? $atts : array();
	$values = array();
	foreach ( cek_siap_ekspor_attributes() as $name => $camel ) {
		$underscore = str_replace( '-', '_', $name );
		if ( isset( $atts[ $name ] ) ) {
			$values[ $name ] = (string) $atts[ $name ];
		} elseif ( isset( $atts[ $underscore ] ) ) {
			$values[ $name ] = (string) $atts[ $underscore ];
		}
	}
	return cek_siap_ekspor_render( $values );
}

/**
 * The block's server-side rendering: the same div as the shortcode.
 *
 * @param array $attributes Block attributes (camelCase).
 */
function cek_siap_ekspor_render_block( $attributes ) {
	$values = array();
	foreach ( cek_siap_ekspor_attributes() as $name => $camel ) {
		if ( isset( $attributes[ $camel ] ) && '' !== $attributes[ $camel ] && false !== $attributes[ $camel ] ) {
			$values[ $name ] = true === $attributes[ $camel ] ? 'true' : (string) $attributes[ $camel ];
		}
	}
	return cek_siap_ekspor_render( $values );
}

/**
 * The div embed.js fills, and embed.js itself from the administrator's
 * widget address. Everything an author typed is escaped as an attribute.
 *
 * @param array $values data-attribute name (without "data-") => value.
 */
function cek_siap_ekspor_render( $values ) {
	$host = cek_siap_ekspor_host();
	if ( '' === $host ) {
		// Visitors see nothing of a half-configured plugin; editors are told why.
		if ( current_user_can( 'edit_posts' ) ) {
			return '<p class="cek-siap-ekspor-missing">' . esc_html__( 'Cek Siap Ekspor: the widget address is not set yet. An administrator sets it in Settings → Cek Siap Ekspor.', 'cek-siap-ekspor' ) . '</p>';
		}
		return '';
	}
	$lang = ( isset( $values['lang'] ) && 'en' === $values['lang'] ) ? 'en' : 'id';
	unset( $values['lang'] );
	// data-config is a file on this site that embed.js fetches here: only a
	// path on this site, never another host (the widget makes no request
	// beyond its own files and the host's own configuration).
	if ( isset( $values['config'] ) && ! preg_match( '#^/(?!/)[^\s"\'<>\\\\]*$#', $values['config'] ) ) {
		unset( $values['config'] );
	}
	if ( isset( $values['scan'] ) && 'true' !== $values['scan'] ) {
		unset( $values['scan'] );
	}

	cek_siap_ekspor_enqueue( $host );

	$html = '<div class="cek-siap-ekspor" data-cek-siap-ekspor data-lang="' . esc_attr( $lang ) . '"';
	foreach ( $values as $name => $value ) {
		$html .= ' data-' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '>';
	// Seen only if embed.js never runs (blocked by the page's CSP, an
	// extension or a network filter): a way to the assessment anyway.
	// embed.js removes it when it puts the widget in.
	// In the widget's language (the author's choice), not the site's locale.
	$link  = 'en' === $lang ? 'Open the export readiness check (Cek Siap Ekspor)' : 'Buka Cek Siap Ekspor: penilaian kesiapan ekspor UMKM';
	$html .= '<p data-cek-fallback><a href="' . esc_url( $host . 'index.html' ) . '" target="_blank" rel="noopener">' . esc_html( $link ) . '</a></p>';
	$html .= '</div>';
	return $html;
}

/** Loads embed.js once, in the footer, asynchronously. */
function cek_siap_ekspor_enqueue( $host ) {
	if ( wp_script_is( CEK_SIAP_EKSPOR_HANDLE, 'enqueued' ) ) {
		return;
	}
	// No version query: the file's address stays exactly the widget host's.
	if ( version_compare( get_bloginfo( 'version' ), '6.3', '>=' ) ) {
		wp_enqueue_script( CEK_SIAP_EKSPOR_HANDLE, $host . 'embed.js', array(), null, array( 'strategy' => 'async', 'in_footer' => true ) );
	} else {
		// WordPress before 6.3 has no loading strategies: add async ourselves.
		wp_enqueue_script( CEK_SIAP_EKSPOR_HANDLE, $host . 'embed.js', array(), null, true );
		add_filter( 'script_loader_tag', 'cek_siap_ekspor_async', 10, 2 );
	}
}

/**
 * Adds async to our script tag (WordPress < 6.3).
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 */
function cek_siap_ekspor_async( $tag, $handle ) {
	if ( CEK_SIAP_EKSPOR_HANDLE !== $handle || false !== strpos( $tag, ' async' ) ) {
		return $tag;
	}
	return str_replace( ' src=', ' async src=', $tag );
}

if ( is_admin() ) {
	require_once __DIR__ . '/settings.php';
}
