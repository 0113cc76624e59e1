//! Definitions: the function object a `def` (or a lambda) makes, with its
//! defaults, annotations, closure and qualname, and the class a `class`
//! statement makes (its body run, its MRO, its decorators).

use std::cell::RefCell;
use std::rc::Rc;

use super::{Flow, Frame, FrameKind, Interp};
use crate::python::exc::{class as tclass, Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::{Class, FastMap, Function, Scope, Value};

impl Interp {
    /// The closure scope for a function defined in frame `f`.
    fn closure_scope(f: &Frame) -> Option<Rc<Scope>> {
        match &f.kind {
            FrameKind::Module => None,
            FrameKind::Function(_) | FrameKind::Comp(_) => Some(f.scope.clone()),
            FrameKind::Class => f.scope.parent.clone(),
        }
    }

    fn qualname_in(f: &Frame, name: &str) -> Rc<str> {
        match &f.kind {
            FrameKind::Module => Rc::from(name),
            FrameKind::Function(func) => Rc::from(format!("{}.<locals>.{name}", func.qualname)),
            FrameKind::Class => match f.scope.get("__qualname__") {
                Some(Value::Str(q)) => Rc::from(format!("{q}.{name}")),
                _ => Rc::from(name),
            },
            FrameKind::Comp(_) => match &f.outer {
                Some(o) => Self::qualname_in(o, name),
                None => Rc::from(name),
            },
        }
    }

    /// A function object for `def` (or a lambda) in frame `f`.
    pub async fn make_function(
        self: &Rc<Self>,
        def: &Rc<crate::python::ast::FunctionDef>,
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        let p = &def.params;
        let mut defaults = Vec::new();
        for param in p.posonly.iter().chain(&p.args) {
            if let Some(d) = &param.default {
                defaults.push(self.eval(d, f).await?);
            }
        }
        let mut kwdefaults = Vec::new();
        for param in &p.kwonly {
            if let Some(d) = &param.default {
                kwdefaults.push((param.name.clone(), self.eval(d, f).await?));
            }
        }
        let info = self.scope_info(def);
        let mut annotations = crate::python::value::Dict::new();
        for param in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
        {
            if let Some(a) = &param.annotation {
                let v = self.eval(a, f).await?;
                ops::dict_set(self, &mut annotations, Value::Str(param.name.clone()), v)?;
            }
        }
        if let Some(r) = &def.returns {
            let v = self.eval(r, f).await?;
            ops::dict_set(self, &mut annotations, Value::str("return"), v)?;
        }
        let attrs = RefCell::new(FastMap::default());
        if !annotations.is_empty() {
            attrs
                .borrow_mut()
                .insert(Rc::from("__annotations__"), Value::dict(annotations));
        }
        Ok(Value::Func(Rc::new(Function {
            def: def.clone(),
            qualname: Self::qualname_in(f, &def.name),
            defaults,
            kwdefaults,
            closure: Self::closure_scope(f),
            globals: f.globals.clone(),
            info,
            attrs,
            owner: RefCell::new(None),
            internal: !Rc::ptr_eq(&f.globals, &self.globals),
        })))
    }

    /// The cached scope analysis of a function.
    pub fn scope_info(
        &self,
        def: &Rc<crate::python::ast::FunctionDef>,
    ) -> Rc<crate::python::value::ScopeInfo> {
        let key = Rc::as_ptr(def) as usize;
        if let Some(i) = self.scope_cache.borrow().get(&key) {
            return i.clone();
        }
        let info = Rc::new(super::analyze(def));
        self.scope_cache.borrow_mut().insert(key, info.clone());
        info
    }

    pub(super) async fn make_class(
        self: &Rc<Self>,
        def: &Rc<crate::python::ast::ClassDef>,
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &def.bases {
            match self.eval(b, f).await? {
                Value::Class(c) => bases.push(c),
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("bases must be types, not {}", ops::type_name(&other)),
                    ))
                }
            }
        }
        if bases.is_empty() {
            bases.push(tclass(T::Object));
        }
        let qualname = Self::qualname_in(f, &def.name);
        let scope = Scope::new(Self::closure_scope(f));
        scope.set("__qualname__".into(), Value::Str(qualname.clone()));
        let module_name = f.globals.get("__name__").unwrap_or(Value::str("__main__"));
        scope.set("__module__".into(), module_name);
        let cf = Rc::new(Frame {
            scope: scope.clone(),
            kind: FrameKind::Class,
            globals: f.globals.clone(),
            gen: None,
            name: def.name.clone(),
            line: std::cell::Cell::new(def.pos.line),
            handling: RefCell::new(Vec::new()),
            outer: None,
        });
        match self.exec_block(&def.body, &cf).await {
            Ok(()) => {}
            Err(Flow::Exc(e)) => return Err(e),
            Err(_) => {
                return Err(Exc::new(
                    T::RuntimeError,
                    "unexpected control flow in class body",
                ))
            }
        }
        let dict = std::mem::take(&mut *scope.vars.borrow_mut());
        let is_exception = bases.iter().any(|b| b.is_exception);
        let mro = ops::c3_mro(&bases)?;
        let module: Rc<str> = match dict.get("__module__") {
            Some(Value::Str(m)) => m.clone(),
            _ => "__main__".into(),
        };
        let class = Rc::new(Class {
            name: def.name.clone(),
            qualname,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            builtin: None,
            is_exception,
            def: Some(def.clone()),
            module,
        });
        let mut full = vec![class.clone()];
        full.extend(mro);
        *class.mro.borrow_mut() = full;
        for v in class.dict.borrow().values() {
            let func = match v {
                Value::Func(func) => Some(func.clone()),
                Value::StaticMethod(x) | Value::ClassMethod(x) => match &**x {
                    Value::Func(func) => Some(func.clone()),
                    _ => None,
                },
                Value::Property(p) => match &p.0 {
                    Value::Func(func) => Some(func.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(func) = func {
                *func.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        self.init_subclass(def, &class, f).await?;
        let mut v = Value::Class(class);
        for d in def.decorators.iter().rev() {
            let dec = self.eval(d, f).await?;
            v = self.call(dec, vec![v], Vec::new()).await?;
        }
        Ok(v)
    }

    /// Calls the nearest base's `__init_subclass__` (an implicit
    /// classmethod) with the class statement's keywords (`metaclass=` is
    /// not passed).
    async fn init_subclass(
        self: &Rc<Self>,
        def: &Rc<crate::python::ast::ClassDef>,
        class: &Rc<Class>,
        f: &Rc<Frame>,
    ) -> PyResult<()> {
        let mut kw = Vec::new();
        for (k, e) in &def.keywords {
            if &**k != "metaclass" {
                kw.push((k.clone(), self.eval(e, f).await?));
            }
        }
        let hook = class
            .mro
            .borrow()
            .iter()
            .skip(1)
            .find_map(|c| c.dict.borrow().get("__init_subclass__").cloned());
        match hook {
            Some(h) => {
                let h = match h {
                    Value::ClassMethod(inner) => (*inner).clone(),
                    other => other,
                };
                self.call(h, vec![Value::Class(class.clone())], kw).await?;
            }
            None if !kw.is_empty() => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        def.name
                    ),
                ))
            }
            None => {}
        }
        Ok(())
    }
}
