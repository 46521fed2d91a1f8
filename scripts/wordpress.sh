#!/usr/bin/env bash
# A real WordPress for e2e/wordpress.test.mjs: Debian's wordpress package
# (6.1, Twenty Twenty-Three), MariaDB and Apache with mod_php, on a loopback
# port. Runs as root (CI) or through sudo. Every step is idempotent.
#
#   scripts/wordpress.sh packages      install the Debian packages if missing
#   scripts/wordpress.sh services      (and) start MariaDB and Apache if not running,
#                                      with the WordPress site on 127.0.0.1:$WP_PORT
#   scripts/wordpress.sh site DBNAME   a fresh, empty database DBNAME for the site
#                                      (older test databases dropped), its config
#                                      in /etc/wordpress/config-localhost.php, and
#                                      no copy of the plugin left from a past run
#
# The site is http://localhost:$WP_PORT/ (default 8090). Debian's wp-config.php
# picks /etc/wordpress/config-HOST.php by the request's host name.
set -euo pipefail
WP_PORT="${WP_PORT:-8090}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
CONTENT=/var/lib/wordpress/wp-content
say() { printf '\033[1mwordpress:\033[0m %s\n' "$*" >&2; }

have_packages() {
  [ -f /usr/share/wordpress/wp-settings.php ] && command -v mariadb >/dev/null &&
    command -v apache2ctl >/dev/null && compgen -G '/etc/apache2/mods-available/php*.load' >/dev/null &&
    php -m 2>/dev/null | grep -x mysqli >/dev/null && command -v msgfmt >/dev/null && command -v zip >/dev/null
}

packages() {
  if ! have_packages; then
    say "installing Debian's wordpress, mariadb-server, apache2, libapache2-mod-php, php-cli, php-mysql, gettext, zip"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wordpress mariadb-server apache2 libapache2-mod-php php-cli php-mysql gettext zip
  fi
}

services() {
  packages
  # No systemd in CI containers: the init scripts work with or without it.
  if ! $SUDO mariadb -e 'SELECT 1' >/dev/null 2>&1; then
    say "starting MariaDB"
    $SUDO service mariadb start >/dev/null
  fi
  local conf=/etc/apache2/sites-available/cek-siap-ekspor-wordpress.conf
  local want
  want=$(cat <<EOF
# Written by scripts/wordpress.sh for the end-to-end tests: WordPress on a
# loopback port only, never on the network.
Listen 127.0.0.1:$WP_PORT
<VirtualHost 127.0.0.1:$WP_PORT>
    DocumentRoot /usr/share/wordpress
    DirectoryIndex index.php
    Alias /wp-content $CONTENT
    <Directory /usr/share/wordpress>
        Options FollowSymLinks
        AllowOverride Limit Options FileInfo
        Require all granted
    </Directory>
    <Directory $CONTENT>
        Options FollowSymLinks
        Require all granted
    </Directory>
    ErrorLog \${APACHE_LOG_DIR}/cek-wordpress-error.log
    CustomLog \${APACHE_LOG_DIR}/cek-wordpress-access.log combined
</VirtualHost>
EOF
)
  if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
    printf '%s\n' "$want" | $SUDO tee "$conf" >/dev/null
    $SUDO a2ensite -q cek-siap-ekspor-wordpress >/dev/null
    $SUDO apache2ctl graceful >/dev/null 2>&1 || true
  fi
  # Twenty Twenty-Three ships in /usr/share; WordPress looks in WP_CONTENT_DIR.
  [ -e "$CONTENT/themes/twentytwentythree" ] ||
    $SUDO ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$CONTENT/themes/twentytwentythree"
  if ! (exec 3<>/dev/tcp/127.0.0.1/"$WP_PORT") 2>/dev/null; then
    say "starting Apache"
    $SUDO apache2ctl start
  fi
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/"$WP_PORT") 2>/dev/null && return 0
    sleep 0.2
  done
  say "Apache is not answering on 127.0.0.1:$WP_PORT"; exit 1
}

site() {
  local db="$1"
  [[ "$db" =~ ^cek_wp_[a-z0-9_]+$ ]] || { say "database name must look like cek_wp_..."; exit 2; }
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  # Past runs' databases go: the test always installs WordPress afresh.
  for old in $($SUDO mariadb -N -e "SHOW DATABASES LIKE 'cek\\_wp\\_%'"); do
    $SUDO mariadb -e "DROP DATABASE \`$old\`"
  done
  $SUDO mariadb -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'cek_wp'@'localhost';
    ALTER USER 'cek_wp'@'localhost' IDENTIFIED BY '$password';
    GRANT ALL ON \`cek\\_wp\\_%\`.* TO 'cek_wp'@'localhost';"
  $SUDO tee /etc/wordpress/config-localhost.php >/dev/null <<EOF
<?php
// Written by scripts/wordpress.sh for e2e/wordpress.test.mjs.
define('DB_NAME', '$db');
define('DB_USER', 'cek_wp');
define('DB_PASSWORD', '$password');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$CONTENT');
// A hardened site, as government hardening guides set it: nobody, not even
// an administrator, may post <script> or <iframe>.
define('DISALLOW_UNFILTERED_HTML', true);
// Offline: no update checks or translation downloads from wordpress.org.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// Uploading a plugin zip writes straight to wp-content/plugins (owned by www-data).
define('FS_METHOD', 'direct');
EOF
  $SUDO chown root:www-data /etc/wordpress/config-localhost.php
  $SUDO chmod 640 /etc/wordpress/config-localhost.php
  $SUDO rm -rf "$CONTENT/plugins/cek-siap-ekspor"
}

case "${1:-}" in
  packages) packages ;;
  services) services ;;
  site) site "${2:?database name}" ;;
  *) echo "usage: $0 packages | services | site DBNAME" >&2; exit 2 ;;
esac
