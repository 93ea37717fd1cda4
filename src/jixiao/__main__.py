from jixiao.cli.main import app

app()
