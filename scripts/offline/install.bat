@echo off
rem 离线安装 indicatorkit：只从本文件夹的 wheels\ 安装，不连网。
rem Install indicatorkit with no network: from the wheels\ folder beside this file only.
rem   install.bat [目录 FOLDER]     (default: %USERPROFILE%\indicatorkit)
chcp 65001 >nul
setlocal
set "HERE=%~dp0"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%USERPROFILE%\indicatorkit"
set "PY=python"
where py >nul 2>nul && set "PY=py -3"
%PY% -c "import sys; sys.exit(sys.version_info < (3, 11))"
if errorlevel 1 (
    echo 需要 Python 3.11 或更新版本，请先从 python.org 安装 / Python 3.11 or newer is needed: install it from python.org
    goto :fail
)
echo 安装到 / installing into: %TARGET%
%PY% -m venv "%TARGET%" || goto :fail
set "PIP_NO_INDEX=1"
"%TARGET%\Scripts\python.exe" -m pip install --quiet --disable-pip-version-check --no-index --find-links "%HERE%wheels" "indicatorkit[@EXTRAS@]" || goto :fail
"%TARGET%\Scripts\indicatorkit.exe" --version || goto :fail
echo 完成 / done: %TARGET%\Scripts\indicatorkit.exe
pause
exit /b 0
:fail
echo 安装失败 / installation failed
pause
exit /b 1
