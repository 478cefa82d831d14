#!/usr/bin/env python3
"""Fails when the top-level modules of a Rust crate import each other in a circle.

Usage: scripts/module-cycles.py crates/engine [crates/app ...]

Reads `crate::name` paths (and `use crate::{...}` lists, resolving names re-exported by
lib.rs to their module) outside comments and test modules; prints every strongly
connected group of more than one module and exits 1 if there is any. A text-level
check, not the compiler's: good enough to keep the module map a tree (ARCHITECTURE.md).
"""
import re,os,sys
def check(root):
    src=os.path.join(root,'src')
    mods={}
    for dp,dn,fn in os.walk(src):
        for f in fn:
            if f.endswith('.rs'):
                p=os.path.join(dp,f); rel=os.path.relpath(p,src)[:-3]
                top=rel.split('/')[0]
                if top in('lib','main'): continue
                mods.setdefault(top,[]).append(open(p).read())
    lib=open(os.path.join(src,'lib.rs')).read()
    # name -> module from pub use
    reexp={}
    for m in re.finditer(r'pub use (\w+)(?:::[\w:]+)?::\{([^}]*)\}',lib,re.S):
        for n in re.findall(r'\w+',m.group(2)): reexp[n]=m.group(1)
    for m in re.finditer(r'pub use (\w+)(?:::[\w:]+)?::(\w+);',lib): reexp[m.group(2)]=m.group(1)
    edges={k:set() for k in mods}
    for k,texts in mods.items():
        t='\n'.join(texts)
        t=re.sub(r'^\s*//.*$','',t,flags=re.M)
        t=re.sub(r'^\s*//.*$','',t,flags=re.M)
        t=re.sub(r'#\[cfg\(test\)\]\s*mod tests \{.*','',t,flags=re.S)
        for m in re.finditer(r'crate::(\w+)',t):
            n=m.group(1)
            tgt=n if n in mods else reexp.get(n)
            if tgt and tgt!=k: edges[k].add(tgt)
        for m in re.finditer(r'use crate::\{([^}]*)\}',t,re.S):
            for n in re.findall(r'\b(\w+)\b',m.group(1)):
                tgt=n if n in mods else reexp.get(n)
                if tgt and tgt!=k: edges[k].add(tgt)
    # find cycles (SCCs)
    idx={};low={};st=[];on=set();res=[];c=[0]
    def sc(v):
        idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
        for w in edges[v]:
            if w not in edges: continue
            if w not in idx: sc(w);low[v]=min(low[v],low[w])
            elif w in on: low[v]=min(low[v],idx[w])
        if low[v]==idx[v]:
            comp=[]
            while True:
                w=st.pop();on.discard(w);comp.append(w)
                if w==v:break
            if len(comp)>1: res.append(comp)
    sys.setrecursionlimit(10000)
    for v in edges:
        if v not in idx: sc(v)
    return res


if __name__ == "__main__":
    failed = False
    for crate in sys.argv[1:]:
        cycles = check(crate)
        print(f"{crate}: {'no import cycles' if not cycles else 'import cycles: ' + '; '.join(' ↔ '.join(sorted(c)) for c in cycles)}")
        failed |= bool(cycles)
    sys.exit(1 if failed else 0)
