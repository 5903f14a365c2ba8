from . import test_install, test_link, test_models
