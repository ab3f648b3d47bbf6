#!/bin/sh
# 离线安装 indicatorkit：只从本文件夹的 wheels/ 安装，不连网。
# Install indicatorkit with no network: from the wheels/ folder beside this script only.
#   sh install.sh [目录 FOLDER]     （默认 default: ~/indicatorkit；Python 由 PYTHON 指定，默认 python3）
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
target=${1:-"$HOME/indicatorkit"}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "需要 Python 3.11 或更新版本 / Python 3.11 or newer is needed: $("$python" --version 2>&1)" >&2
    exit 1
}
echo "安装到 / installing into: $target"
"$python" -m venv "$target"
PIP_NO_INDEX=1 "$target/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-index --find-links "$here/wheels" "indicatorkit[@EXTRAS@]"
"$target/bin/indicatorkit" --version
echo "完成 / done: $target/bin/indicatorkit （可加入 PATH / add its folder to PATH）"
