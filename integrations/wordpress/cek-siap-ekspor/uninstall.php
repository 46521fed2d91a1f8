<?php
/**
 * Deleting the plugin removes its one option. Answers never reach this site
 * (they stay in each visitor's browser), so there is nothing else to remove.
 *
 * @package CekSiapEkspor
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'cek_siap_ekspor_host' );
