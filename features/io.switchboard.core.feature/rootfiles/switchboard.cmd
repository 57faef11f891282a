@echo off
rem switchboard.cmd - starts Switchboard from its installation folder on Windows.
rem
rem   switchboard [--data-dir DIR] [-nl LOCALE] [--debug]             opens the workbench
rem   switchboard [--data-dir DIR] [-nl LOCALE] [--debug] COMMAND ... runs a command without a window
rem   switchboard --help                                              lists the commands
rem
rem The Windows twin of the "switchboard" shell script of Linux and macOS: the same options, the same Java
rem lookup, the same java -jar of the Equinox launcher. Every argument is passed on (the application reads
rem --data-dir itself; Equinox takes -nl), except --debug before the command, which sets -Dswitchboard.debug=true
rem for the JVM (a failing command then prints its stack trace).
rem
rem Environment:
rem   SWITCHBOARD_VM_ARGS  JVM options instead of the defaults below (e.g. "-Xmx2g -Dswitchboard.debug=true")
rem   JAVA_HOME            the Java 17+ to use; otherwise java on PATH
rem
rem Arguments are passed on one by one, each in double quotes, as cmd.exe hands them over; cmd.exe itself splits
rem an unquoted argument at "=", "," and ";" (so --data-dir=DIR arrives as --data-dir DIR, which means the same).
rem Unlike the shell script this one keeps no class-data archive: it starts the JVM as it is.
rem Labels and goto rather than blocks: a block expands its variables once, before it runs, and a folder such as
rem "C:\Program Files (x86)" would end it early.
setlocal

set "DEFAULT_VM_ARGS=-Xmx1g"
set "DEFAULT_CLI_VM_ARGS=-Xmx1g -XX:+UseParallelGC"
set MIN_JAVA=17

rem The installation folder, without its trailing backslash.
set "SB_HOME=%~dp0"
set "SB_HOME=%SB_HOME:~0,-1%"

rem Java: %JAVA_HOME%\bin\java.exe, else java on PATH; 17 or newer.
set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for /f "delims=" %%j in ('where java 2^>nul') do if not defined JAVA set "JAVA=%%j"
if not defined JAVA goto no_java
set "JAVA_VERSION="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i version') do if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
set "JAVA_MAJOR="
for /f "tokens=1,2 delims=.-+_" %%a in ("%JAVA_VERSION%") do (
  if "%%a"=="1" (set "JAVA_MAJOR=%%b") else set "JAVA_MAJOR=%%a"
)
set "JAVA_MAJOR_OK="
echo %JAVA_MAJOR%| findstr /r /x "[0-9][0-9]*" >nul && set JAVA_MAJOR_OK=1
if defined JAVA_MAJOR_OK if %JAVA_MAJOR% GEQ %MIN_JAVA% goto java_ok
if not defined JAVA_MAJOR set JAVA_MAJOR=unknown
echo switchboard: Java %MIN_JAVA% or newer is needed, but %JAVA% is version %JAVA_MAJOR% 1>&2
exit /b 1
:java_ok

rem The launcher jar; the folder lists them by name, so the last is the newest of one major version.
set "LAUNCHER="
for %%f in ("%SB_HOME%\plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~ff"
if not defined LAUNCHER goto no_launcher

rem Global options before the command word. Anything else that starts with "-" goes to the command line, which
rem reports it (exit 2). All but --debug are passed on.
set "DATA_DIR=%USERPROFILE%\.switchboard"
set "NL="
set "CLI="
set "DEBUG="
set "PASS="
:options
if [%1]==[] goto options_done
if "%~1"=="--debug" (
  set DEBUG=1
  shift
  goto options
)
if "%~1"=="--data-dir" goto option_data_dir
if "%~1"=="-nl" goto option_nl
set CLI=1
goto rest
:option_data_dir
set PASS=%PASS% "--data-dir"
if [%2]==[] (
  set "DATA_DIR="
  set CLI=1
  shift
  goto options_done
)
set "DATA_DIR=%~2"
set PASS=%PASS% "%~2"
shift
shift
goto options
:option_nl
set PASS=%PASS% "-nl"
set "NL=%~2"
if not "%~2"=="" set PASS=%PASS% "%~2"
shift
shift
goto options
rem The command and its arguments, unchanged but for the quotes.
:rest
if [%1]==[] goto options_done
set PASS=%PASS% "%~1"
shift
goto rest
:options_done
rem An empty --data-dir is the command line's usage error to report.
if not defined DATA_DIR set CLI=1

rem The language the user chose in the workbench, unless -nl says otherwise.
set "NL_ARGS="
if defined NL goto nl_done
if not defined DATA_DIR goto nl_done
if not exist "%DATA_DIR%\switchboard.properties" goto nl_done
for /f "usebackq eol=# tokens=1,2 delims=:= 	" %%a in ("%DATA_DIR%\switchboard.properties") do if "%%a"=="ui.language" set "NL_ARGS=-nl %%b"
:nl_done

if defined CLI (set "VM_ARGS=%DEFAULT_CLI_VM_ARGS%") else set "VM_ARGS=%DEFAULT_VM_ARGS%"
if defined SWITCHBOARD_VM_ARGS set "VM_ARGS=%SWITCHBOARD_VM_ARGS%"
rem Name the data folder this script chose, so that the script and the application always agree on it.
if defined DATA_DIR set VM_ARGS=%VM_ARGS% "-Dswitchboard.data.dir=%DATA_DIR%"
if defined DEBUG set VM_ARGS=%VM_ARGS% -Dswitchboard.debug=true

if not defined CLI goto workbench
rem Headless: no workspace, exit code of the command.
"%JAVA%" %VM_ARGS% -jar "%LAUNCHER%" -application io.switchboard.cli.app -data @none %NL_ARGS% %PASS%
exit /b %ERRORLEVEL%

:workbench
rem The workbench: its instance area lives in the data folder, which must be usable first.
if not exist "%DATA_DIR%\" mkdir "%DATA_DIR%" 2>nul
if not exist "%DATA_DIR%\" goto data_dir_unusable
copy /y nul "%DATA_DIR%\.switchboard-write-test" >nul 2>&1 || goto data_dir_unusable
del "%DATA_DIR%\.switchboard-write-test" >nul 2>&1
for %%d in ("%DATA_DIR%") do set "DATA_DIR=%%~fd"
"%JAVA%" %VM_ARGS% -jar "%LAUNCHER%" -data "%DATA_DIR%\workbench" %NL_ARGS% %PASS%
exit /b %ERRORLEVEL%

:data_dir_unusable
echo switchboard: data folder %DATA_DIR% is not writable 1>&2
exit /b 1

:no_java
echo switchboard: no Java found: install Java %MIN_JAVA% or newer, or set JAVA_HOME 1>&2
exit /b 1

:no_launcher
echo switchboard: the installation in %SB_HOME% is incomplete: no plugins\org.eclipse.equinox.launcher_*.jar 1>&2
exit /b 1
