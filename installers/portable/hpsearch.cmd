@echo off
rem hpsearch from the portable archive: runs hpsearch.jar beside this file with Java 17 or newer
rem (%JAVA_HOME%\bin\java.exe, else java on PATH). "hpsearch gui" opens the desktop app.
setlocal
set "HPSEARCH_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "HPSEARCH_JAVA=%JAVA_HOME%\bin\java.exe"
"%HPSEARCH_JAVA%" %HPSEARCH_JAVA_OPTS% -jar "%~dp0hpsearch.jar" %*
exit /b %ERRORLEVEL%
